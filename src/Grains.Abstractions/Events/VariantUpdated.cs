namespace Retail.Grains.Abstractions.Events;

/// <summary>One variant of a Shopify <c>products/update</c>, as ksqlDB's EXPLODE would give it.</summary>
[GenerateSerializer, Immutable]
public sealed record VariantUpdated(
    [property: Id(0)] long VariantId,
    [property: Id(1)] long ProductId,
    [property: Id(2)] string? ProductTitle,
    [property: Id(3)] string? VariantTitle,
    [property: Id(4)] string? Vendor,
    [property: Id(5)] string? Sku,
    [property: Id(6)] decimal? Price,
    [property: Id(7)] long? InventoryQuantity,
    [property: Id(8)] long? OldInventoryQuantity,
    [property: Id(9)] long? InventoryItemId,
    [property: Id(10)] DateTimeOffset UpdatedAt) : IVariantEvent;

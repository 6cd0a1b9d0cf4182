namespace Retail.Grains.Abstractions.Insights;

/// <summary>What a variant reports to the cross-variant index.</summary>
[GenerateSerializer, Immutable]
public sealed record VariantSummary(
    [property: Id(0)] long VariantId,
    [property: Id(1)] long? ProductId,
    [property: Id(2)] string? Title,
    [property: Id(3)] string? Sku,
    [property: Id(4)] decimal? Price,
    [property: Id(5)] decimal? DynamicPrice,
    [property: Id(6)] long? InventoryQuantity,
    [property: Id(7)] double SalesVelocityPerDay,
    [property: Id(8)] double? DaysOfInventory,
    [property: Id(9)] DateOnly? SellThroughDate,
    [property: Id(10)] Variants.ActivityWindow Views,
    [property: Id(11)] DateTimeOffset AsOf,
    [property: Id(12)] Variants.PriceDecision? LastPriceChange = null);

namespace Retail.Grains.Abstractions.Variants;

/// <summary>What Shopify's product updates say of a variant.</summary>
[GenerateSerializer, Immutable]
public sealed record VariantCatalog(
    [property: Id(0)] long? ProductId,
    [property: Id(1)] string? ProductTitle,
    [property: Id(2)] string? VariantTitle,
    [property: Id(3)] string? Vendor,
    [property: Id(4)] string? Sku,
    [property: Id(5)] decimal? BasePrice,
    [property: Id(6)] long? InventoryItemId)
{
    public static VariantCatalog Empty { get; } = new(null, null, null, null, null, null, null);
}

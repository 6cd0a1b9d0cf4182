using Retail.Grains.Abstractions.Variants;

namespace Retail.Grains.Abstractions.Insights;

/// <summary>What a variant reports to the cross-variant index.</summary>
/// <remarks>
/// The index keeps one per variant, so it shares the variant's catalog record and latest decision instead of
/// copying their fields.
/// </remarks>
[GenerateSerializer, Immutable]
public sealed record VariantSummary(
    [property: Id(0)] long VariantId,
    [property: Id(1)] VariantCatalog? Catalog,
    [property: Id(2)] long? InventoryQuantity,
    [property: Id(3)] DemandRate Demand,
    [property: Id(4)] SellThroughRange SellThrough,
    [property: Id(5)] ActivityWindow Views,
    [property: Id(6)] DateTimeOffset AsOf,
    [property: Id(7)] PriceDecision? LastPriceChange = null,
    [property: Id(8)] PriceDecision? Suggestion = null,
    [property: Id(9)] bool Deleted = false)
{
    public long? ProductId => Catalog?.ProductId;

    public string? Title => Catalog?.ProductTitle;

    public string? Sku => Catalog?.Sku;

    public decimal? Price => Catalog?.BasePrice;

    /// <summary>The current dynamic price: the latest decision's.</summary>
    public decimal? DynamicPrice => LastPriceChange?.NewPrice;
}

using Retail.Grains.Abstractions.Variants;

namespace Retail.Grains.Abstractions.Insights;

/// <summary>What a variant reports to the cross-variant index.</summary>
/// <remarks>
/// The index keeps one per variant, so it shares the variant's catalog record and latest decision instead of
/// copying their fields. Fields that kept their meaning kept their ids; the catalog took a new one, so silos of
/// the earlier form, during a rolling upgrade, read a summary without title or prices instead of a wrong one.
/// </remarks>
[GenerateSerializer, Immutable]
public sealed record VariantSummary(
    [property: Id(0)] long VariantId,
    [property: Id(13)] VariantCatalog? Catalog,
    [property: Id(6)] long? InventoryQuantity,
    [property: Id(7)] double SalesVelocityPerDay,
    [property: Id(8)] double? DaysOfInventory,
    [property: Id(9)] DateOnly? SellThroughDate,
    [property: Id(10)] ActivityWindow Views,
    [property: Id(11)] DateTimeOffset AsOf,
    [property: Id(12)] PriceDecision? LastPriceChange = null)
{
    public long? ProductId => Catalog?.ProductId;

    public string? Title => Catalog?.ProductTitle;

    public string? Sku => Catalog?.Sku;

    public decimal? Price => Catalog?.BasePrice;

    /// <summary>The current dynamic price: the latest decision's.</summary>
    public decimal? DynamicPrice => LastPriceChange?.NewPrice;
}

namespace Retail.Grains.Abstractions.Insights;

/// <summary>A variant ranked by its recent views.</summary>
[GenerateSerializer, Immutable]
public sealed record TrendingVariant(
    [property: Id(0)] long VariantId,
    [property: Id(1)] long? ProductId,
    [property: Id(2)] string? Title,
    [property: Id(3)] string? Sku,
    [property: Id(4)] long RecentViews,
    [property: Id(5)] decimal? Price,
    [property: Id(6)] decimal? DynamicPrice);

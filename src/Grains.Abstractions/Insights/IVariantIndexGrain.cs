using System.Collections.Immutable;

namespace Retail.Grains.Abstractions.Insights;

/// <summary>
/// One shard of the cross-variant index, keyed by shard number. Variants report to it in periodic batches,
/// never per event, so no single grain sits on the event path.
/// </summary>
public interface IVariantIndexGrain : IGrainWithIntegerKey
{
    /// <summary>The number of shards; variant <c>v</c> reports to shard <c>v mod Shards</c>.</summary>
    const int Shards = 8;

    /// <summary>Replaces the summaries of the given variants.</summary>
    Task ReportAsync(ImmutableArray<VariantSummary> summaries);

    /// <summary>This shard's top variants by views in the last 15 minutes.</summary>
    [AlwaysInterleave]
    Task<ImmutableArray<TrendingVariant>> GetTrendingAsync(int limit);

    /// <summary>This shard's most recent price changes, newest first.</summary>
    [AlwaysInterleave]
    Task<ImmutableArray<Variants.PriceDecision>> GetRecentPriceChangesAsync(int limit);

    /// <summary>This shard's variants with at least a <see cref="StockRiskVariant.ListedFrom"/> chance of selling out within <paramref name="days"/> days, likeliest first.</summary>
    [AlwaysInterleave]
    Task<ImmutableArray<StockRiskVariant>> GetStockRiskAsync(double days);

    /// <summary>This shard's price suggestions waiting for approval, newest first.</summary>
    [AlwaysInterleave]
    Task<ImmutableArray<Variants.PriceDecision>> GetSuggestionsAsync(int limit);
}

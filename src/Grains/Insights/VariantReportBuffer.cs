using System.Collections.Concurrent;

namespace Retail.Grains.Insights;

/// <summary>
/// Holds each variant's latest summary in this silo until the next batch goes to the index, so the event
/// path never waits on a cross-variant grain.
/// </summary>
public sealed class VariantReportBuffer
{
    private ConcurrentDictionary<long, VariantSummary> _pending = new();

    /// <summary>Keeps <paramref name="summary"/>, replacing any earlier one of the same variant.</summary>
    public void Report(VariantSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        _pending[summary.VariantId] = summary;
    }

    /// <summary>Takes everything reported since the last call, grouped by index shard.</summary>
    public IReadOnlyDictionary<int, ImmutableArray<VariantSummary>> Drain()
    {
        var taken = Interlocked.Exchange(ref _pending, new ConcurrentDictionary<long, VariantSummary>());
        return taken.Values
            .GroupBy(s => ShardOf(s.VariantId))
            .ToDictionary(g => g.Key, g => g.ToImmutableArray());
    }

    /// <summary>The index shard a variant reports to.</summary>
    public static int ShardOf(long variantId) => (int)((ulong)variantId % IVariantIndexGrain.Shards);
}

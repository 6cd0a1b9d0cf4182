using System.Collections.Concurrent;

namespace Retail.Grains.Insights;

/// <summary>
/// Holds each variant's latest summary in this silo until the next batch goes to the index, so the event
/// path never waits on a cross-variant grain.
/// </summary>
/// <remarks>
/// Every event reports, so reporting must not contend: each variant activation owns a <see cref="Slot"/>, a
/// report overwrites the slot's summary, and only a slot's first report since the last drain queues it.
/// </remarks>
public sealed class VariantReportBuffer
{
    private readonly ConcurrentQueue<Slot> _queued = new();

    /// <summary>One variant's place in the buffer: its latest summary, and whether it waits in the queue.</summary>
    public sealed class Slot
    {
        internal VariantSummary? Latest;
        internal int Queued;
    }

    /// <summary>A slot for a variant activation to report through.</summary>
    public static Slot CreateSlot() => new();

    /// <summary>Keeps <paramref name="summary"/> in <paramref name="slot"/>, replacing the one there.</summary>
    public void Report(Slot slot, VariantSummary summary)
    {
        ArgumentNullException.ThrowIfNull(slot);
        ArgumentNullException.ThrowIfNull(summary);
        Volatile.Write(ref slot.Latest, summary);
        if (Interlocked.Exchange(ref slot.Queued, 1) == 0)
        {
            _queued.Enqueue(slot);
        }
    }

    /// <summary>Keeps <paramref name="summary"/> for the next drain, unless a newer one of the variant comes too.</summary>
    public void Report(VariantSummary summary) => Report(CreateSlot(), summary);

    /// <summary>Takes everything reported since the last call, the newest summary per variant, grouped by index shard.</summary>
    public IReadOnlyDictionary<int, ImmutableArray<VariantSummary>> Drain()
    {
        var latest = new Dictionary<long, VariantSummary>();
        // Only what is queued now: slots re-queued while this runs wait for the next drain.
        for (var count = _queued.Count; count > 0 && _queued.TryDequeue(out var slot); count--)
        {
            // Unqueue before reading, so a report racing with this either is read now or queues the slot again.
            Interlocked.Exchange(ref slot.Queued, 0);
            if (Volatile.Read(ref slot.Latest) is { } summary
                && (!latest.TryGetValue(summary.VariantId, out var known) || known.AsOf <= summary.AsOf))
            {
                latest[summary.VariantId] = summary;
            }
        }

        return latest.Values
            .GroupBy(s => ShardOf(s.VariantId))
            .ToDictionary(g => g.Key, g => g.ToImmutableArray());
    }

    /// <summary>The index shard a variant reports to.</summary>
    public static int ShardOf(long variantId) => (int)((ulong)variantId % IVariantIndexGrain.Shards);
}

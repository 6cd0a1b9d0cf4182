using System.Globalization;

namespace Retail.Benchmarks.EndToEnd;

/// <summary>
/// A round's records, made before any side runs so that every side of the round gets the same ones, and what a
/// side must have counted once it has them.
/// </summary>
internal sealed class RoundRecords
{
    private const int Verified = 20;

    private readonly Dictionary<long, long> _throughputCounts;
    private readonly Dictionary<long, long> _latencyCounts;

    private RoundRecords(
        IReadOnlyList<(byte[] Key, byte[] Value)> warmup, IReadOnlyList<IReadOnlyList<(byte[] Key, byte[] Value)>> bursts, IReadOnlyList<(byte[] Key, byte[] Value)> latency)
    {
        Warmup = warmup;
        Bursts = bursts;
        Latency = latency;
        var marks = new long[bursts.Count + 1];
        marks[0] = warmup.Count;
        for (var i = 0; i < bursts.Count; i++)
        {
            marks[i + 1] = marks[i] + bursts[i].Count;
        }

        Marks = marks;
        _throughputCounts = Count(warmup.Concat(bursts.SelectMany(b => b)));
        _latencyCounts = Count(latency);
        Busiest = [.. _throughputCounts.OrderByDescending(c => c.Value).ThenBy(c => c.Key).Take(Verified).Select(c => c.Key)];
    }

    /// <summary>One event per variant, so that each side is measured with every variant seen once.</summary>
    public IReadOnlyList<(byte[] Key, byte[] Value)> Warmup { get; }

    public IReadOnlyList<IReadOnlyList<(byte[] Key, byte[] Value)>> Bursts { get; }

    /// <summary>The latency phase's records, offered at a fixed rate to the sides that report latency.</summary>
    public IReadOnlyList<(byte[] Key, byte[] Value)> Latency { get; }

    /// <summary>Records in all after the warm-up (index 0) and after each burst.</summary>
    public IReadOnlyList<long> Marks { get; }

    /// <summary>The variants with the most events in the warm-up and the bursts, whose counts are verified.</summary>
    public IReadOnlyList<long> Busiest { get; }

    /// <summary>The rounds' records come from <paramref name="seed"/>, so each round differs and each side of one is alike.</summary>
    public static RoundRecords Create(E2eOptions options, int seed)
    {
        var workload = new Workload(options.Variants, options.Skew == "zipf", seed);
        var warmup = workload.EachVariantOnce().ToArray();
        var bursts = Enumerable.Range(0, options.Bursts).Select(_ => (IReadOnlyList<(byte[], byte[])>)workload.Events(options.BurstEvents).ToArray()).ToArray();
        var latency = workload.Events((int)(options.LatencyRate * options.LatencyDuration.TotalSeconds)).ToArray();
        return new RoundRecords(warmup, bursts, latency);
    }

    /// <summary>The counts of <see cref="Busiest"/> a side must have once it has every record, latency phase's too or not.</summary>
    public IReadOnlyDictionary<long, long> Expected(bool withLatency) =>
        Busiest.ToDictionary(v => v, v => _throughputCounts[v] + (withLatency ? _latencyCounts.GetValueOrDefault(v) : 0));

    // The workload keys each record by its variant id.
    private static Dictionary<long, long> Count(IEnumerable<(byte[] Key, byte[] Value)> records)
    {
        var counts = new Dictionary<long, long>();
        foreach (var (key, _) in records)
        {
            var variant = long.Parse(key, CultureInfo.InvariantCulture);
            counts[variant] = counts.GetValueOrDefault(variant) + 1;
        }

        return counts;
    }
}

namespace Retail.Benchmarks.Probe;

/// <summary>Produce-to-visible latency over <paramref name="Count"/> events, in milliseconds.</summary>
internal sealed record LatencyReading(double P50, double P99, double Max, long Count)
{
    /// <summary>
    /// The readings of a side's silos as one: each percentile is the highest of theirs, an upper bound of the
    /// percentile over all their events, since a percentile of the union lies between the parts'.
    /// </summary>
    public static LatencyReading Combine(IReadOnlyCollection<LatencyReading> readings) => new(
        readings.Max(r => r.P50),
        readings.Max(r => r.P99),
        readings.Max(r => r.Max),
        readings.Sum(r => r.Count));
}

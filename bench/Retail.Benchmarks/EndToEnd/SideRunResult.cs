using Retail.Benchmarks.Probe;

namespace Retail.Benchmarks.EndToEnd;

/// <summary>What one run of a side measured.</summary>
/// <param name="BurstRates">Events/s of each burst, the first one cold.</param>
/// <param name="Latency">For sides that report it, and when the latency phase ran.</param>
/// <param name="PeakRssMb">Summed over the side's processes.</param>
internal sealed record SideRunResult(IReadOnlyList<double> BurstRates, LatencyReading? Latency, double PeakRssMb);

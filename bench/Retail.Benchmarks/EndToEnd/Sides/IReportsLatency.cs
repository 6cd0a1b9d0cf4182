using Retail.Benchmarks.Probe;

namespace Retail.Benchmarks.EndToEnd.Sides;

/// <summary>A running side that can say how long each event took from produce to visible.</summary>
internal interface IReportsLatency
{
    Task StartLatencyAsync();

    /// <summary>The latency of the events applied since <see cref="StartLatencyAsync"/>.</summary>
    Task<LatencyReading> StopLatencyAsync();
}

using Retail.Benchmarks.Probe;

namespace Retail.Benchmarks.EndToEnd.Sides;

/// <summary>A running side that can say how long each event took from produce to visible.</summary>
internal interface IReportsLatency
{
    /// <summary>
    /// Waits until everything produced so far is applied and durable, so that the latency phase measures a
    /// pipeline at rest under its offered load, not the write-behind of the bursts before it.
    /// </summary>
    Task WaitUntilCommittedAsync(long records);

    Task StartLatencyAsync();

    /// <summary>The latency of the events applied since <see cref="StartLatencyAsync"/>.</summary>
    Task<LatencyReading> StopLatencyAsync();
}

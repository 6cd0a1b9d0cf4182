namespace Retail.Benchmarks.EndToEnd.Sides;

/// <summary>The same count written with Streamiz.Kafka.Net (<see cref="Baseline.StreamizCommand"/>), in a process of its own.</summary>
internal sealed class StreamizSide : ISide
{
    public const string SideName = "streamiz";

    public string Name => SideName;

    public async Task<IRunningSide> StartAsync(SideSetup setup) => await RunningBaseline.StartAsync(setup, SideName);
}

namespace Retail.Benchmarks.EndToEnd.Sides;

/// <summary>The hand-written consumer (<see cref="Baseline.BaselineCommand"/>), in a process of its own.</summary>
internal sealed class BaselineSide : ISide
{
    public const string SideName = "baseline";

    public string Name => SideName;

    public async Task<IRunningSide> StartAsync(SideSetup setup) => await RunningBaseline.StartAsync(setup, SideName);
}

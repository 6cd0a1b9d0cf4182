namespace Retail.Benchmarks.EndToEnd.Sides;

/// <summary>Our pipeline: <paramref name="silos"/> <c>Retail.Silo</c> processes in one cluster, with memory or PostgreSQL storage.</summary>
internal sealed class PipelineSide(string name, int silos, string? postgres) : ISide
{
    public string Name => name;

    public async Task<IRunningSide> StartAsync(SideSetup setup) => await RunningPipeline.StartAsync(setup, silos, postgres);
}

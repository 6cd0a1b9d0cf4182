namespace Retail.Grains.Platform;

/// <summary>The cluster's live throughput and lag, from the silos' periodic reports; in memory, since reports keep coming.</summary>
internal sealed class ClusterStatsGrain(TimeProvider time) : Grain, IClusterStatsGrain
{
    /// <summary>Three missed reports and a silo counts as gone.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(10);

    private readonly ThroughputBoard _board = new(StaleAfter);

    public Task ReportAsync(SiloThroughput report)
    {
        _board.Report(report);
        return Task.CompletedTask;
    }

    public Task<ClusterThroughput> GetAsync() => Task.FromResult(_board.Total(time.GetUtcNow()));
}

namespace Retail.Grains.Platform;

/// <summary>The cluster's live throughput and lag, from the silos' periodic reports; in memory, since reports keep coming.</summary>
internal sealed class ClusterStatsGrain(TimeProvider time) : Grain, IClusterStatsGrain
{
    /// <summary>Silent for five report periods, a silo counts as gone.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(10);

    private readonly ThroughputBoard _board = new(StaleAfter);

    public Task ReportAsync(SiloThroughput report)
    {
        // Stamped on arrival, by this grain's clock, so a silo whose clock is off is not taken for gone.
        ArgumentNullException.ThrowIfNull(report);
        _board.Report(report with { At = time.GetUtcNow() });
        return Task.CompletedTask;
    }

    public Task<ClusterThroughput> GetAsync() => Task.FromResult(_board.Total(time.GetUtcNow()));
}

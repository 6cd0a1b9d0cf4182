namespace Retail.Grains.Platform;

/// <summary>The cluster's live throughput and lag, from the silos' periodic reports; in memory, since reports keep coming.</summary>
internal sealed class ClusterStatsGrain(TimeProvider time) : Grain, IClusterStatsGrain
{
    /// <summary>Silent for five report periods, a silo counts as gone.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(10);

    /// <summary>How far back the history goes, and how far apart its points are: about the silos' report period.</summary>
    public static readonly TimeSpan HistorySpan = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan HistoryInterval = TimeSpan.FromSeconds(2);

    private readonly ThroughputBoard _board = new(StaleAfter);
    private readonly ThroughputHistory _history = new(HistoryInterval, HistorySpan);

    public Task ReportAsync(SiloThroughput report)
    {
        // Stamped on arrival, by this grain's clock, so a silo whose clock is off is not taken for gone.
        ArgumentNullException.ThrowIfNull(report);
        var now = time.GetUtcNow();
        _board.Report(report with { At = now });
        _history.Add(_board.Total(now));
        return Task.CompletedTask;
    }

    public Task<ClusterThroughput> GetAsync() => Task.FromResult(_board.Total(time.GetUtcNow()));

    public Task<ImmutableArray<ClusterThroughput>> GetHistoryAsync() => Task.FromResult(_history.Points(time.GetUtcNow()));
}

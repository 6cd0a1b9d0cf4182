namespace Retail.Grains.Platform;

/// <summary>The latest report of each silo, summed over those recent enough to be alive.</summary>
public sealed class ThroughputBoard(TimeSpan staleAfter)
{
    private readonly Dictionary<string, SiloThroughput> _latest = new(StringComparer.Ordinal);

    /// <summary>Keeps <paramref name="report"/> unless the silo already sent a newer one.</summary>
    public void Report(SiloThroughput report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!_latest.TryGetValue(report.Silo, out var known) || known.At <= report.At)
        {
            _latest[report.Silo] = report;
        }
    }

    /// <summary>The sums at <paramref name="now"/>; a silo silent for longer than the staleness limit has gone and is forgotten.</summary>
    public ClusterThroughput Total(DateTimeOffset now)
    {
        var gone = _latest.Values.Where(r => now - r.At > staleAfter).Select(r => r.Silo).ToList();
        foreach (var silo in gone)
        {
            _latest.Remove(silo);
        }

        return new ClusterThroughput(_latest.Values.Sum(r => r.EventsPerSecond), _latest.Values.Sum(r => r.ConsumerLag), _latest.Count, now);
    }
}

using Retail.Grains.Abstractions.Platform;
using Retail.Grains.Platform;

namespace Retail.UnitTests.Platform;

public sealed class ThroughputHistoryTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static ClusterThroughput At(double seconds, double eventsPerSecond) => new(eventsPerSecond, (long)eventsPerSecond / 10, 1, Start.AddSeconds(seconds));

    [Fact]
    public void Keeps_one_point_per_interval_oldest_first()
    {
        var history = new ThroughputHistory(TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(1));
        history.Add(At(0, 100));
        // A second silo's report a moment later adds no point.
        history.Add(At(0.5, 150));
        history.Add(At(2, 200));
        history.Add(At(4, 300));

        Assert.Equal([100.0, 200.0, 300.0], history.Points(Start.AddSeconds(5)).Select(p => p.EventsPerSecond));
    }

    [Fact]
    public void Forgets_points_older_than_the_span()
    {
        var history = new ThroughputHistory(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10));
        for (var second = 0; second <= 20; second += 2)
        {
            history.Add(At(second, second));
        }

        Assert.Equal([10.0, 12.0, 14.0, 16.0, 18.0, 20.0], history.Points(Start.AddSeconds(20)).Select(p => p.EventsPerSecond));
        // Read later, with no report since, the old points fall out too.
        Assert.Equal([16.0, 18.0, 20.0], history.Points(Start.AddSeconds(26)).Select(p => p.EventsPerSecond));
    }
}

using Retail.Grains.Abstractions.Platform;
using Retail.Grains.Platform;

namespace Retail.UnitTests.Platform;

public sealed class ThroughputBoardTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_total_sums_the_latest_report_of_each_silo()
    {
        var board = new ThroughputBoard(TimeSpan.FromSeconds(10));
        board.Report(new SiloThroughput("a", 100, 5, Start));
        board.Report(new SiloThroughput("a", 250, 7, Start.AddSeconds(2)));
        board.Report(new SiloThroughput("b", 50.5, 3, Start.AddSeconds(1)));

        var total = board.Total(Start.AddSeconds(3));

        Assert.Equal((300.5, 10L, 2), (total.EventsPerSecond, total.ConsumerLag, total.Silos));
        Assert.Equal(Start.AddSeconds(3), total.AsOf);
    }

    [Fact]
    public void A_late_older_report_does_not_replace_a_newer_one()
    {
        var board = new ThroughputBoard(TimeSpan.FromSeconds(10));
        board.Report(new SiloThroughput("a", 250, 7, Start.AddSeconds(2)));
        board.Report(new SiloThroughput("a", 100, 5, Start));

        Assert.Equal(250, board.Total(Start.AddSeconds(3)).EventsPerSecond);
    }

    [Fact]
    public void A_silo_silent_past_the_limit_is_forgotten()
    {
        var board = new ThroughputBoard(TimeSpan.FromSeconds(10));
        board.Report(new SiloThroughput("gone", 100, 40, Start));
        board.Report(new SiloThroughput("alive", 20, 1, Start.AddSeconds(9)));

        var total = board.Total(Start.AddSeconds(11));

        Assert.Equal((20.0, 1L, 1), (total.EventsPerSecond, total.ConsumerLag, total.Silos));
        Assert.Equal(0, board.Total(Start.AddSeconds(30)).Silos);
    }
}

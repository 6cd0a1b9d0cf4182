using Orleans.Runtime;
using Streaming.Kafka.Providers;

namespace Streaming.Kafka.Tests.Providers;

public class PartitionProgressTests
{
    private static KafkaBatchContainer Container(string key, params long[] offsets) =>
        new(StreamId.Create("ns", key), "t", 0, [.. offsets.Select(o => new KafkaEventEntry(o, 0, DateTimeOffset.UnixEpoch, o))]);

    [Fact]
    public void Nothing_is_committable_before_a_record_is_read()
    {
        Assert.Null(new PartitionProgress().Committable);
    }

    [Fact]
    public void Records_without_events_are_committable_at_once()
    {
        var progress = new PartitionProgress();

        progress.Read(nextOffset: 8);

        Assert.Equal(8, progress.Committable);
    }

    [Fact]
    public void Never_commits_past_the_oldest_undelivered_container()
    {
        var progress = new PartitionProgress();
        var a = Container("a", 10, 14);
        var b = Container("b", 11, 12);
        var c = Container("c", 13);
        progress.Cached(a);
        progress.Cached(b);
        progress.Cached(c);
        progress.Read(15);

        Assert.Equal(10, progress.Committable);

        progress.Delivered([a]);
        Assert.Equal(11, progress.Committable);

        progress.Delivered([b, c]);
        Assert.Equal(15, progress.Committable);
        Assert.Equal(0, progress.InFlight);
    }

    [Fact]
    public void Containers_skipped_by_the_cache_after_failed_delivery_count_as_done()
    {
        var progress = new PartitionProgress();
        var failed = Container("a", 1);
        var delivered = Container("b", 2);
        progress.Cached(failed);
        progress.Cached(delivered);
        progress.Read(3);

        // The cache leaves failed items out of the purged prefix.
        progress.Delivered([delivered]);

        Assert.Equal(3, progress.Committable);
    }

    [Fact]
    public void An_unknown_container_changes_nothing()
    {
        var progress = new PartitionProgress();
        progress.Cached(Container("a", 5));
        progress.Read(6);

        progress.Delivered([Container("a", 5)]);

        Assert.Equal(5, progress.Committable);
        Assert.Equal(1, progress.InFlight);
    }
}

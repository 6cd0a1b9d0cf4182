using Orleans.Runtime;
using Streaming.Kafka.ExactlyOnce;
using Streaming.Kafka.Providers;

namespace Streaming.Kafka.Tests.Providers;

public sealed class KafkaBatchContainerTests
{
    private static readonly StreamId Stream = StreamId.Create("ns", "key");

    [Fact]
    public void A_container_that_knows_its_predecessor_names_it_in_its_first_token_only()
    {
        var container = new KafkaBatchContainer(Stream, "t", 1, [new KafkaEventEntry(42, 0, DateTimeOffset.UnixEpoch, "a"), new KafkaEventEntry(43, 0, DateTimeOffset.UnixEpoch, "b")], precedingOffset: 17);

        var tokens = container.GetEvents<string>().Select(e => e.Item2).ToList();
        Assert.Equal(17L, KafkaDelivery.PrecedingOffset(tokens[0]));
        Assert.Null(KafkaDelivery.PrecedingOffset(tokens[1]));
        Assert.False(container.ImportRequestContext());
        Assert.Null(RequestContext.Get("kafka.preceding-offset"));
    }

    [Fact]
    public void A_container_without_a_known_predecessor_names_none()
    {
        var container = new KafkaBatchContainer(Stream, "t", 1, [new KafkaEventEntry(42, 0, DateTimeOffset.UnixEpoch, "e")]);

        Assert.Null(KafkaDelivery.PrecedingOffset(container.SequenceToken));
        Assert.Equal(-1, container.PrecedingOffset);
    }

    [Fact]
    public void The_predecessor_is_not_part_of_a_tokens_identity()
    {
        var named = new KafkaSequenceToken("t", 1, 42, 0, precedingOffset: 17);
        var unnamed = new KafkaSequenceToken("t", 1, 42, 0);

        Assert.Equal(unnamed, named);
        Assert.Equal(unnamed.GetHashCode(), named.GetHashCode());
        Assert.Equal(0, named.CompareTo(unnamed));
    }

    [Fact]
    public void Its_first_token_is_made_once_and_every_event_keeps_its_own_position()
    {
        var container = new KafkaBatchContainer(Stream, "t", 1, [new KafkaEventEntry(42, 0, DateTimeOffset.UnixEpoch, "a"), new KafkaEventEntry(42, 1, DateTimeOffset.UnixEpoch, "b"), new KafkaEventEntry(45, 0, DateTimeOffset.UnixEpoch, "c")], epoch: 2);

        Assert.Same(container.SequenceToken, container.SequenceToken);
        var tokens = container.GetEvents<string>().Select(e => (KafkaSequenceToken)e.Item2).ToList();
        Assert.Same(container.SequenceToken, tokens[0]);
        Assert.Equal([(42L, 0), (42L, 1), (45L, 0)], tokens.Select(t => (t.Offset, t.EventIndex)));
        Assert.All(tokens, t => Assert.Equal((1, 2, "t"), (t.Partition, t.Epoch, t.Topic)));
        Assert.Equal(tokens[^1], container.LastToken);
    }

    [Fact]
    public void A_single_event_container_has_one_token_for_first_and_last()
    {
        var container = new KafkaBatchContainer(Stream, "t", 1, [new KafkaEventEntry(42, 0, DateTimeOffset.UnixEpoch, "e")]);

        Assert.Same(container.SequenceToken, container.LastToken);
    }
}

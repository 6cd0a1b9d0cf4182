using System.Collections.Immutable;
using Orleans.Runtime;
using Streaming.Kafka.ExactlyOnce;
using Streaming.Kafka.Providers;

namespace Streaming.Kafka.Tests.ExactlyOnce;

public sealed class KafkaPositionsTests
{
    private static readonly ImmutableArray<KafkaPosition> None = [];

    private static KafkaPosition Clicks(int partition, long offset, int index = 0) => new("clicks", partition, offset, index);

    [Fact]
    public void A_redelivered_event_is_recognised_and_a_later_one_is_not()
    {
        Assert.True(KafkaPositions.TryAdvance(None, Clicks(2, 10), out var applied));

        Assert.False(KafkaPositions.TryAdvance(applied, Clicks(2, 10), out _));
        Assert.False(KafkaPositions.TryAdvance(applied, Clicks(2, 9, 3), out _));
        Assert.True(KafkaPositions.TryAdvance(applied, Clicks(2, 10, 1), out _));
        Assert.True(KafkaPositions.TryAdvance(applied, Clicks(2, 11), out _));
    }

    [Fact]
    public void Partitions_and_topics_are_tracked_apart()
    {
        KafkaPositions.TryAdvance(None, Clicks(2, 10), out var applied);

        Assert.True(KafkaPositions.TryAdvance(applied, Clicks(3, 1), out _));
        Assert.True(KafkaPositions.TryAdvance(applied, new KafkaPosition("orders", 2, 1, 0), out _));
    }

    [Fact]
    public void A_delivery_follows_on_only_when_the_streams_previous_record_is_applied()
    {
        KafkaPositions.TryAdvance(None, Clicks(2, 10), out var applied);

        Assert.True(KafkaPositions.Follows(applied, Clicks(2, 15), precedingOffset: 10));
        Assert.True(KafkaPositions.Follows(applied, Clicks(2, 15), precedingOffset: 7));
        // Offset 12 went to an activation that was lost before it persisted.
        Assert.False(KafkaPositions.Follows(applied, Clicks(2, 15), precedingOffset: 12));
        Assert.False(KafkaPositions.Follows(None, Clicks(2, 15), precedingOffset: 12));
        Assert.False(KafkaPositions.Follows(applied, Clicks(3, 15), precedingOffset: 10));
        Assert.False(KafkaPositions.Follows(applied, new KafkaPosition("orders", 2, 15, 0), precedingOffset: 10));
    }

    [Fact]
    public void Without_a_known_predecessor_nothing_can_be_said()
    {
        Assert.Null(KafkaPositions.Follows(None, Clicks(2, 15), precedingOffset: null));
        Assert.Null(KafkaPositions.Follows(None, Clicks(2, 15), precedingOffset: -1));
    }

    [Fact]
    public void A_state_that_never_had_positions_reads_as_none_applied()
    {
        Assert.True(KafkaPositions.TryAdvance(default, Clicks(2, 10), out var applied));
        Assert.Equal([Clicks(2, 10)], applied.ToArray());
        Assert.False(KafkaPositions.Covers(default, Clicks(2, 10)));
    }

    [Fact]
    public void Each_partition_keeps_one_position_the_latest()
    {
        KafkaPositions.TryAdvance(None, Clicks(2, 10), out var applied);
        KafkaPositions.TryAdvance(applied, new KafkaPosition("orders", 2, 4, 0), out applied);
        KafkaPositions.TryAdvance(applied, Clicks(2, 12, 1), out applied);

        Assert.Equal([Clicks(2, 12, 1), new KafkaPosition("orders", 2, 4, 0)], applied.ToArray());
        Assert.True(KafkaPositions.Covers(applied, Clicks(2, 12, 0)));
        Assert.False(KafkaPositions.Covers(applied, Clicks(2, 12, 2)));
    }

    [Fact]
    public void A_position_is_read_from_the_providers_token_and_nothing_else()
    {
        Assert.Equal(new KafkaPosition("t", 3, 42, 1), KafkaPosition.Of(new KafkaSequenceToken("t", 3, 42, 1, epoch: 2)));
        Assert.Throws<ArgumentException>(() => KafkaPosition.Of(null));
    }

    [Fact]
    public void The_predecessor_is_read_from_the_providers_token_and_nothing_else()
    {
        Assert.Equal(17L, KafkaDelivery.PrecedingOffset(new KafkaSequenceToken("t", 1, 42, 0, precedingOffset: 17)));
        Assert.Null(KafkaDelivery.PrecedingOffset(new KafkaSequenceToken("t", 1, 42, 0)));
        Assert.Null(KafkaDelivery.PrecedingOffset(new Orleans.Providers.Streams.Common.EventSequenceTokenV2(42)));
        Assert.Null(KafkaDelivery.PrecedingOffset(null));
    }
}

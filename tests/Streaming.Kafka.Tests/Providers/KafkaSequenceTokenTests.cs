using Streaming.Kafka.Providers;

namespace Streaming.Kafka.Tests.Providers;

public class KafkaSequenceTokenTests
{
    [Fact]
    public void Tokens_of_the_same_event_are_equal()
    {
        var first = new KafkaSequenceToken("t", 2, 100, 1);
        var again = new KafkaSequenceToken("t", 2, 100, 1);

        Assert.True(first.Equals(again));
        Assert.Equal(first.GetHashCode(), again.GetHashCode());
        Assert.Equal(0, first.CompareTo(again));
        Assert.Equal("t[2]@100#1", first.ToString());
    }

    [Theory]
    [InlineData("u", 2, 100, 1)]
    [InlineData("t", 3, 100, 1)]
    [InlineData("t", 2, 101, 1)]
    [InlineData("t", 2, 100, 0)]
    public void Tokens_differ_by_topic_partition_offset_and_index(string topic, int partition, long offset, int index)
    {
        Assert.False(new KafkaSequenceToken("t", 2, 100, 1).Equals(new KafkaSequenceToken(topic, partition, offset, index)));
    }

    [Fact]
    public void Orders_by_offset_then_index()
    {
        var tokens = new[]
        {
            new KafkaSequenceToken("t", 0, 5, 1),
            new KafkaSequenceToken("t", 0, 4, 9),
            new KafkaSequenceToken("t", 0, 5, 0),
        };

        Assert.Equal(["t[0]@4#9", "t[0]@5#0", "t[0]@5#1"], tokens.Order().Select(t => t.ToString()));
    }

    [Fact]
    public void A_token_read_again_in_a_later_epoch_is_the_same_event_but_orders_after()
    {
        var first = new KafkaSequenceToken("t", 0, 900, 0, epoch: 0);
        var again = new KafkaSequenceToken("t", 0, 100, 0, epoch: 1);

        Assert.True(new KafkaSequenceToken("t", 0, 100, 0, epoch: 0).Equals(again));
        Assert.True(again.CompareTo(first) > 0);
    }
}

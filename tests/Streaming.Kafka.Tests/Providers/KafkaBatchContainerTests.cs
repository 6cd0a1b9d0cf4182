using Orleans.Runtime;
using Streaming.Kafka.Providers;

namespace Streaming.Kafka.Tests.Providers;

public sealed class KafkaBatchContainerTests
{
    private static readonly StreamId Stream = StreamId.Create("ns", "key");

    [Fact]
    public void A_container_that_knows_its_predecessor_puts_it_in_the_request_context()
    {
        var container = new KafkaBatchContainer(Stream, "t", 1, [new KafkaEventEntry(42, 0, DateTimeOffset.UnixEpoch, "e")], precedingOffset: 17);
        try
        {
            Assert.True(container.ImportRequestContext());
            Assert.Equal(17L, RequestContext.Get(KafkaRequestContext.PrecedingOffset));
        }
        finally
        {
            RequestContext.Clear();
        }
    }

    [Fact]
    public void A_container_without_a_known_predecessor_sets_nothing()
    {
        var container = new KafkaBatchContainer(Stream, "t", 1, [new KafkaEventEntry(42, 0, DateTimeOffset.UnixEpoch, "e")]);

        Assert.False(container.ImportRequestContext());
        Assert.Null(RequestContext.Get(KafkaRequestContext.PrecedingOffset));
        Assert.Equal(-1, container.PrecedingOffset);
    }
}

using Retail.Grains.Abstractions;
using Streaming.Kafka.Providers;

namespace Retail.UnitTests.Mapping;

public sealed class StreamContractTests
{
    [Fact]
    public void The_grains_read_the_preceding_offset_under_the_key_the_provider_writes_it()
    {
        Assert.Equal(KafkaRequestContext.PrecedingOffset, StreamNames.PrecedingOffsetContextKey);
    }
}

using Orleans.Runtime;
using Streaming.Kafka.Providers;

namespace Streaming.Kafka.Tests.Providers;

public class KafkaQueueMapperTests
{
    private static readonly KafkaTopology Topology = new([new KafkaTopic("clicks", "click-ns", 4), new KafkaTopic("orders", "order-ns", 6)]);

    [Fact]
    public void Has_one_queue_per_topic_partition()
    {
        var queues = new KafkaQueueMapper(Topology).GetAllQueues().ToList();

        Assert.Equal(10, queues.Count);
        Assert.Equal(
            [.. Enumerable.Range(0, 4).Select(p => ("clicks", p)), .. Enumerable.Range(0, 6).Select(p => ("orders", p))],
            queues.Select(q => (KafkaQueueMapper.TopicOf(q), KafkaQueueMapper.PartitionOf(q))));
        Assert.Equal(10, queues.Select(q => q.GetUniformHashCode()).Distinct().Count());
    }

    [Fact]
    public void Sends_a_stream_to_a_partition_of_its_namespace_topic_every_time()
    {
        var mapper = new KafkaQueueMapper(Topology);
        var stream = StreamId.Create("order-ns", 12345);

        var queue = mapper.GetQueueForStream(stream);

        Assert.Equal("orders", KafkaQueueMapper.TopicOf(queue));
        Assert.Equal(KafkaQueueMapper.PartitionFor(stream, 6), KafkaQueueMapper.PartitionOf(queue));
        Assert.Equal(queue, new KafkaQueueMapper(Topology).GetQueueForStream(StreamId.Create("order-ns", 12345)));
    }

    [Fact]
    public void Spreads_streams_over_every_partition()
    {
        var partitions = Enumerable.Range(0, 1000).Select(i => KafkaQueueMapper.PartitionFor(StreamId.Create("click-ns", i), 4)).ToHashSet();

        Assert.Equal([0, 1, 2, 3], partitions.Order());
    }

    [Fact]
    public void Refuses_a_namespace_without_a_topic()
    {
        var error = Assert.Throws<ArgumentException>(() => new KafkaQueueMapper(Topology).GetQueueForStream(StreamId.Create("nowhere", 1)));

        Assert.Contains("'nowhere'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_only_topics_get_no_queue_but_can_be_produced_to()
    {
        var mapper = new KafkaQueueMapper(new KafkaTopology([new KafkaTopic("in", "in-ns", 2), new KafkaTopic("out", "out-ns", 3, Consume: false)]));

        Assert.Equal(["in", "in"], mapper.GetAllQueues().Select(KafkaQueueMapper.TopicOf));
        Assert.Equal("out", KafkaQueueMapper.TopicOf(mapper.GetQueueForStream(StreamId.Create("out-ns", 5))));
    }
}

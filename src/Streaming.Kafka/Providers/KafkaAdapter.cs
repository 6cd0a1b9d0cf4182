using Streaming.Kafka.Hosting;
using Streaming.Kafka.Mapping;
using Streaming.Kafka.ExactlyOnce;

namespace Streaming.Kafka.Providers;

/// <summary>
/// Writes events published with <c>OnNextAsync</c> to the stream's topic, keyed by the stream key, and
/// creates one receiver per topic-partition.
/// </summary>
internal sealed class KafkaAdapter(
    string name,
    KafkaStreamOptions options,
    KafkaTopology topology,
    IKafkaRecordMapper mapper,
    IKafkaCommitGate gate,
    DeliveryFailures failures,
    IProducer<byte[], byte[]> producer,
    KafkaStreamMetrics metrics,
    ILoggerFactory loggerFactory) : IQueueAdapter
{
    private readonly DeadLetterWriter _deadLetters = new(producer, options.DeadLetterTopic, loggerFactory.CreateLogger<DeadLetterWriter>());

    public string Name => name;

    // Kafka could rewind, but the simple cache cannot serve a rewind; subscribers read from the live position.
    // Also what lets several topics feed one stream: a rewindable subscription would hand one reader's token
    // to another reader's cache, whose tokens come from a different topic.
    public bool IsRewindable => false;

    public StreamProviderDirection Direction => StreamProviderDirection.ReadWrite;

    public async Task QueueMessageBatchAsync<T>(
        StreamId streamId,
        IEnumerable<T> events,
        StreamSequenceToken? token,
        Dictionary<string, object>? requestContext)
    {
        ArgumentNullException.ThrowIfNull(events);
        var topic = topology.ForStream(streamId);
        var partition = new TopicPartition(topic.Name, KafkaQueueMapper.PartitionFor(streamId, topic.Partitions));
        var key = streamId.Key.ToArray();

        var writes = new List<Task>();
        foreach (var @event in events)
        {
            if (@event is null)
            {
                continue;
            }

            var value = mapper.Serialize(streamId, @event);
            writes.Add(producer.ProduceAsync(partition, new Message<byte[], byte[]> { Key = key, Value = value }));
        }

        await Task.WhenAll(writes);
        metrics.Produced(name, topic.Name, writes.Count);
    }

    public IQueueAdapterReceiver CreateReceiver(QueueId queueId) =>
        new KafkaAdapterReceiver(
            name,
            topology.ForName(KafkaQueueMapper.TopicOf(queueId)),
            KafkaQueueMapper.PartitionOf(queueId),
            options,
            mapper,
            gate,
            failures.For(queueId),
            _deadLetters,
            metrics,
            TimeProvider.System,
            loggerFactory.CreateLogger<KafkaAdapterReceiver>());
}

namespace Streaming.Kafka.Providers;

/// <summary>
/// Makes each partition's <see cref="KafkaQueueCache"/>; <paramref name="deliveryBatchSize"/> is the pulling
/// agent's, so that its cursors know when a delivery is over.
/// </summary>
internal sealed class KafkaQueueAdapterCache(int cacheSize, int deliveryBatchSize) : IQueueAdapterCache
{
    public IQueueCache CreateQueueCache(QueueId queueId) => new KafkaQueueCache(cacheSize, deliveryBatchSize);
}

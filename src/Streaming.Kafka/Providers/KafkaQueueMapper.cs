namespace Streaming.Kafka.Providers;

/// <summary>
/// One Orleans queue per Kafka topic-partition. Queues sit evenly around the consistent ring, so the
/// queue balancer spreads partitions over silos and moves them when silos come and go.
/// </summary>
internal sealed class KafkaQueueMapper : IConsistentRingStreamQueueMapper
{
    private readonly QueueId[] _queues;
    private readonly Dictionary<(string Topic, int Partition), QueueId> _byPartition = [];
    private readonly KafkaTopology _topology;

    public KafkaQueueMapper(KafkaTopology topology)
    {
        _topology = topology;
        var total = topology.Topics.Sum(t => t.Partitions);
        var step = uint.MaxValue / (uint)Math.Max(total, 1);
        var queues = new List<QueueId>(total);
        foreach (var topic in topology.Topics)
        {
            for (var partition = 0; partition < topic.Partitions; partition++)
            {
                var queue = QueueId.GetQueueId(topic.Name, (uint)partition, (uint)queues.Count * step);
                queues.Add(queue);
                _byPartition[(topic.Name, partition)] = queue;
            }
        }

        _queues = [.. queues];
    }

    public IEnumerable<QueueId> GetAllQueues() => _queues;

    public IEnumerable<QueueId> GetQueuesForRange(IRingRange range) =>
        _queues.Where(q => range.InRange(q.GetUniformHashCode()));

    public QueueId GetQueueForStream(StreamId streamId)
    {
        var topic = _topology.ForStream(streamId);
        return _byPartition[(topic.Name, PartitionFor(streamId, topic.Partitions))];
    }

    /// <summary>
    /// The partition that events of <paramref name="streamId"/> are produced to. A stream id's hash code is a
    /// stable hash of its bytes, the same in every process.
    /// </summary>
    public static int PartitionFor(StreamId streamId, int partitions) =>
        (int)((uint)streamId.GetHashCode() % (uint)partitions);

    public static string TopicOf(QueueId queue) => queue.GetStringNamePrefix();

    public static int PartitionOf(QueueId queue) => (int)queue.GetNumericId();
}

namespace Streaming.Kafka.Providers;

/// <summary>
/// One Orleans queue per partition of each consumed topic. Queues sit evenly around the consistent ring, so
/// the queue balancer spreads partitions over silos and moves them when silos come and go. Write-only
/// topics have queue ids, for producing, but no queue is read.
/// </summary>
internal sealed class KafkaQueueMapper : IConsistentRingStreamQueueMapper
{
    private readonly QueueId[] _queues;
    private readonly Dictionary<(string Topic, int Partition), QueueId> _byPartition = [];
    private readonly KafkaTopology _topology;

    public KafkaQueueMapper(KafkaTopology topology)
    {
        _topology = topology;
        var consumed = topology.Topics.Where(t => t.Consume).ToList();
        var total = consumed.Sum(t => t.Partitions);
        var step = uint.MaxValue / (uint)Math.Max(total, 1);
        var queues = new List<QueueId>(total);
        foreach (var topic in consumed)
        {
            for (var partition = 0; partition < topic.Partitions; partition++)
            {
                var queue = QueueId.GetQueueId(topic.Name, (uint)partition, (uint)queues.Count * step);
                queues.Add(queue);
                _byPartition[(topic.Name, partition)] = queue;
            }
        }

        foreach (var topic in topology.Topics.Where(t => !t.Consume))
        {
            for (var partition = 0; partition < topic.Partitions; partition++)
            {
                _byPartition[(topic.Name, partition)] = QueueId.GetQueueId(topic.Name, (uint)partition, 0);
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

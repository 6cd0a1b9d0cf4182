namespace Streaming.Kafka.Providers;

/// <summary>
/// Tracks which records of one partition are still in flight, so that the committed offset never passes an
/// event that has not been delivered. Not thread-safe: one pulling agent owns it.
/// </summary>
internal sealed class PartitionProgress
{
    private readonly Queue<KafkaBatchContainer> _inFlight = new();
    private long _nextOffset = -1;

    /// <summary>How many containers are cached and not yet delivered.</summary>
    public int InFlight => _inFlight.Count;

    /// <summary>Notes that every record before <paramref name="nextOffset"/> has been read and mapped.</summary>
    public void Read(long nextOffset) => _nextOffset = nextOffset;

    /// <summary>Notes a container handed to the cache. Containers must arrive in cache order.</summary>
    public void Cached(KafkaBatchContainer container) => _inFlight.Enqueue(container);

    /// <summary>
    /// Notes containers the cache has purged. The cache purges a prefix in the order items were added,
    /// leaving out items whose delivery failed; those are reported to the receiver separately, which reads
    /// the partition again before it commits anything more.
    /// </summary>
    public void Delivered(IEnumerable<IBatchContainer> purged)
    {
        KafkaBatchContainer? last = null;
        foreach (var item in purged)
        {
            if (item is KafkaBatchContainer container)
            {
                last = container;
            }
        }

        if (last is null || !_inFlight.Contains(last))
        {
            return;
        }

        while (!ReferenceEquals(_inFlight.Dequeue(), last))
        {
        }
    }

    /// <summary>Forgets everything in flight and continues from <paramref name="nextOffset"/>, after a rewind.</summary>
    public void Restart(long nextOffset)
    {
        _inFlight.Clear();
        _nextOffset = nextOffset;
    }

    /// <summary>
    /// The offset to commit: the first record with undelivered events, or the next record to read when
    /// nothing is in flight. <c>null</c> until a record has been read.
    /// </summary>
    public long? Committable =>
        _inFlight.TryPeek(out var oldest) ? oldest.Entries[0].Offset
        : _nextOffset >= 0 ? _nextOffset
        : null;
}

using System.Diagnostics.CodeAnalysis;

namespace Streaming.Kafka.Providers;

/// <summary>
/// The pulling agent's cache of one topic-partition, indexed by stream. Each cached container links to the next
/// one of its stream, so a stream's cursor steps straight to its own events. Orleans' simple cache keeps one
/// list, and each cursor walks past every other stream's items to find its own: with thousands of streams per
/// partition that walk was the largest single cost of a busy silo (see BENCHMARKS.md).
/// </summary>
/// <remarks>
/// Containers leave in the order they came, so the receiver sees a prefix delivered, and only once no cursor of
/// their stream holds them. Not thread-safe: the pulling agent's turns are serial.
/// </remarks>
internal sealed class KafkaQueueCache(int capacity, int deliveryBatchSize) : IQueueCache
{
    private readonly Dictionary<StreamId, CachedStream> _streams = [];
    private CachedBatch? _oldest;
    private CachedBatch? _newest;
    private long _nextSequence;

    /// <summary>Containers held.</summary>
    public int Count { get; private set; }

    // Never 0: the agent then skips its turn before it purges, and a full cache would never drain. It backs off
    // on IsUnderPressure instead, which it asks after purging.
    public int GetMaxAddCount() => Math.Max(capacity - Count, 1);

    public bool IsUnderPressure() => Count >= capacity;

    public void AddToCache(IList<IBatchContainer> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        foreach (var message in messages)
        {
            var batch = new CachedBatch(message, _nextSequence++);
            if (_newest is null)
            {
                _oldest = batch;
            }
            else
            {
                _newest.Next = batch;
            }

            _newest = batch;
            Count++;
            StreamOf(message.StreamId).Append(batch);
        }
    }

    public bool TryPurgeFromCache([MaybeNullWhen(false)] out IList<IBatchContainer> purgedItems)
    {
        List<IBatchContainer>? purged = null;
        while (_oldest is { } oldest)
        {
            var stream = _streams[oldest.Batch.StreamId];
            if (stream.Holds(oldest))
            {
                break;
            }

            _oldest = oldest.Next;
            // Unlinked, so that a container still referenced somewhere does not keep every later one alive.
            oldest.Next = null;
            if (_oldest is null)
            {
                _newest = null;
            }

            Count--;
            stream.RemoveFirst();
            Forget(stream);
            purged ??= [];
            // A container whose delivery failed is left out: the receiver reads its partition again instead.
            if (!oldest.DeliveryFailed)
            {
                purged.Add(oldest.Batch);
            }
        }

        purgedItems = purged;
        return purged is not null;
    }

    [Obsolete("Orleans asks through TryGetCacheCursor, whose default implementation calls this.")]
    public IQueueCacheCursor GetCacheCursor(StreamId streamId, StreamSequenceToken? token)
    {
        if (token is not null && _oldest is { } oldest && token.Older(oldest.Batch.SequenceToken))
        {
            throw new QueueCacheMissException(token, oldest.Batch.SequenceToken, _newest!.Batch.SequenceToken);
        }

        var stream = StreamOf(streamId);

        // At the stream's first container at or after the token; without one, at whatever comes next.
        CachedBatch? start = null;
        if (token is not null)
        {
            start = stream.First;
            while (start is not null && start.Batch.SequenceToken.Older(token))
            {
                start = start.NextInStream;
            }
        }

        return new KafkaQueueCacheCursor(this, stream, deliveryBatchSize, start, _nextSequence);
    }

    /// <summary>Drops a stream's index entry once it holds neither containers nor cursors.</summary>
    internal void Forget(CachedStream stream)
    {
        if (stream.IsEmpty)
        {
            _streams.Remove(stream.StreamId);
        }
    }

    private CachedStream StreamOf(StreamId streamId)
    {
        if (!_streams.TryGetValue(streamId, out var stream))
        {
            stream = new CachedStream(streamId);
            _streams.Add(streamId, stream);
        }

        return stream;
    }
}

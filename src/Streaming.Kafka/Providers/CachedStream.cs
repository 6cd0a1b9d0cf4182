namespace Streaming.Kafka.Providers;

/// <summary>One stream's containers in the <see cref="KafkaQueueCache"/>, oldest first, and the cursors reading them.</summary>
internal sealed class CachedStream(StreamId streamId)
{
    // Mostly one: the subscriber's cursor, with the agent's short-lived pin while it registers the stream.
    private readonly List<KafkaQueueCacheCursor> _cursors = new(1);

    public StreamId StreamId { get; } = streamId;

    public CachedBatch? First { get; private set; }

    public CachedBatch? Last { get; private set; }

    public bool IsEmpty => First is null && _cursors.Count == 0;

    public void Append(CachedBatch batch)
    {
        if (Last is null)
        {
            First = batch;
        }
        else
        {
            Last.NextInStream = batch;
        }

        Last = batch;
    }

    /// <summary>Lets the oldest container go; the cache purges in order, so it is always this stream's first.</summary>
    public void RemoveFirst()
    {
        var first = First!;
        first.Purged = true;
        First = first.NextInStream;
        first.NextInStream = null;
        if (First is null)
        {
            Last = null;
        }
    }

    /// <summary>The stream's first container from <paramref name="sequence"/> on, if any is cached.</summary>
    public CachedBatch? FirstFrom(long sequence)
    {
        var batch = First;
        while (batch is not null && batch.Sequence < sequence)
        {
            batch = batch.NextInStream;
        }

        return batch;
    }

    /// <summary>Whether a cursor holds <paramref name="batch"/>: it is placed at it or before it, or delivering it.</summary>
    public bool Holds(CachedBatch batch)
    {
        foreach (var cursor in _cursors)
        {
            if (cursor.HoldsFrom <= batch.Sequence)
            {
                return true;
            }
        }

        return false;
    }

    public void Add(KafkaQueueCacheCursor cursor) => _cursors.Add(cursor);

    public void Remove(KafkaQueueCacheCursor cursor) => _cursors.Remove(cursor);
}

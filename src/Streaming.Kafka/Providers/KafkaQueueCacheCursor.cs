namespace Streaming.Kafka.Providers;

/// <summary>
/// Reads one stream's containers from a <see cref="KafkaQueueCache"/>, and holds in the cache what it has yet to
/// return and what it is delivering.
/// </summary>
/// <remarks>
/// The pulling agent takes up to <c>batchSize</c> containers from a cursor, stopping early when it has no more,
/// delivers them in one call, and only then asks again; it asks at least once more after every delivery, and
/// starts an idle consumer's cursor in the same turn as it adds containers for it. So a cursor holds from the
/// first container of its current batch, everything after included, until it is asked again after the batch
/// ended; with nothing in flight it holds nothing, so an idle stream never keeps the cache from draining.
/// </remarks>
internal sealed class KafkaQueueCacheCursor : IQueueCacheCursor
{
    private readonly KafkaQueueCache _cache;
    private readonly CachedStream _stream;
    private readonly int _batchSize;
    private CachedBatch? _start;
    private CachedBatch? _current;

    // The container returned last, which links to what comes next while the cache still has it; else where to look from.
    private CachedBatch? _last;
    private long _from;

    private long _holdsFrom = long.MaxValue;
    private int _returnedInBatch;
    private bool _batchEnded;
    private bool _disposed;

    /// <summary>A cursor that starts at <paramref name="start"/>, or, without one, at the stream's first container from <paramref name="from"/> on.</summary>
    public KafkaQueueCacheCursor(KafkaQueueCache cache, CachedStream stream, int batchSize, CachedBatch? start, long from)
    {
        _cache = cache;
        _stream = stream;
        _batchSize = Math.Max(batchSize, 1);
        _start = start;
        _from = from;
        if (start is not null)
        {
            _holdsFrom = start.Sequence;
        }

        stream.Add(this);
    }

    /// <summary>The first cache sequence this cursor holds; <see cref="long.MaxValue"/> when it holds none.</summary>
    public long HoldsFrom => _holdsFrom;

    public IBatchContainer? GetCurrent(out Exception? exception)
    {
        exception = null;
        return _current?.Batch;
    }

    [Obsolete("Orleans asks through MoveNextWithResult.")]
    public bool MoveNext() => Advance();

    public QueueCacheCursorMoveResult MoveNextWithResult() =>
        Advance() ? QueueCacheCursorMoveResult.Success : QueueCacheCursorMoveResult.NoData;

    // New containers are found through the stream's links, so a refresh has nothing to do.
    public void Refresh(StreamSequenceToken sequenceToken)
    {
    }

    public void RecordDeliveryFailure()
    {
        if (_current is not null)
        {
            _current.DeliveryFailed = true;
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _start = _current = _last = null;
        _holdsFrom = long.MaxValue;
        _stream.Remove(this);
        _cache.Forget(_stream);
    }

    private bool Advance()
    {
        if (_disposed)
        {
            return false;
        }

        if (_batchEnded)
        {
            // Asked again after a batch ended: its delivery is over.
            _batchEnded = false;
            _returnedInBatch = 0;
            _holdsFrom = long.MaxValue;
        }

        var next = Next();
        _current = next;
        if (next is null)
        {
            // What this batch returned is now delivered, and meanwhile everything after it stays held.
            _batchEnded = _returnedInBatch > 0;
            if (!_batchEnded)
            {
                // Idle: keep no container alive, as a silo may have a hundred thousand idle cursors; the next is
                // found from the stream's first.
                _last = null;
            }

            return false;
        }

        _last = next;
        _from = next.Sequence + 1;
        if (_returnedInBatch++ == 0)
        {
            _holdsFrom = next.Sequence;
        }

        _batchEnded = _returnedInBatch >= _batchSize;
        return true;
    }

    private CachedBatch? Next()
    {
        if (_start is { } start)
        {
            _start = null;
            return start;
        }

        // A container the cache has let go no longer links to what came after it.
        return _last is { Purged: false } last ? last.NextInStream : _stream.FirstFrom(_from);
    }
}

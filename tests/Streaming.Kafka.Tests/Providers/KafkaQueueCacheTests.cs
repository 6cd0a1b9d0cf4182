using Orleans.Runtime;
using Orleans.Streams;
using Streaming.Kafka.Providers;

namespace Streaming.Kafka.Tests.Providers;

/// <summary>The cache is driven here as the pulling agent drives it: add, hand out cursors, take batches, purge.</summary>
public sealed class KafkaQueueCacheTests
{
    private const int BatchSize = 3;
    private static readonly StreamId A = StreamId.Create("ns", "a");
    private static readonly StreamId B = StreamId.Create("ns", "b");

    private static KafkaBatchContainer Container(StreamId stream, long offset) =>
        new(stream, "t", 0, [new KafkaEventEntry(offset, 0, DateTimeOffset.UnixEpoch, offset)]);

    private static KafkaSequenceToken Token(long offset) => new("t", 0, offset, 0);

    /// <summary>What the agent does between two deliveries: move until the batch is full or the cursor has nothing more.</summary>
    private static List<long> TakeBatch(IQueueCacheCursor cursor)
    {
        var offsets = new List<long>();
        while (offsets.Count < BatchSize && cursor.MoveNextWithResult().Kind == QueueCacheCursorMoveResultKind.Success)
        {
            offsets.Add(((KafkaBatchContainer)cursor.GetCurrent(out _)!).Entries[0].Offset);
        }

        return offsets;
    }

    private static List<long> Purge(KafkaQueueCache cache) =>
        cache.TryPurgeFromCache(out var purged) ? [.. purged.Cast<KafkaBatchContainer>().Select(c => c.Entries[0].Offset)] : [];

#pragma warning disable CS0618 // GetCacheCursor is what Orleans' TryGetCacheCursor calls.
    private static IQueueCacheCursor CursorAt(KafkaQueueCache cache, StreamId stream, long? offset) =>
        cache.GetCacheCursor(stream, offset is { } o ? Token(o) : null);
#pragma warning restore CS0618

    [Fact]
    public void A_cursor_steps_through_its_own_stream_only_in_order()
    {
        var cache = new KafkaQueueCache(100, BatchSize);
        cache.AddToCache([Container(A, 1), Container(B, 2), Container(A, 3), Container(B, 4), Container(A, 5)]);
        using var cursor = CursorAt(cache, A, 1);

        Assert.Equal([1L, 3, 5], TakeBatch(cursor));
        Assert.Empty(TakeBatch(cursor));
    }

    [Fact]
    public void A_cursor_placed_at_a_token_starts_at_the_streams_first_container_not_older()
    {
        var cache = new KafkaQueueCache(100, BatchSize);
        cache.AddToCache([Container(A, 1), Container(B, 2), Container(A, 3), Container(A, 5)]);
        using var cursor = CursorAt(cache, A, 2);

        Assert.Equal([3L, 5], TakeBatch(cursor));
    }

    [Fact]
    public void Asking_for_a_position_older_than_the_cache_is_a_cache_miss()
    {
        var cache = new KafkaQueueCache(100, BatchSize);
        cache.AddToCache([Container(A, 5)]);

        var result = ((IQueueCache)cache).TryGetCacheCursor(A, Token(4));

        Assert.Equal(QueueCacheCursorResultKind.CacheMiss, result.Kind);
    }

    [Fact]
    public void Nothing_leaves_before_its_cursor_has_taken_and_delivered_it()
    {
        var cache = new KafkaQueueCache(100, BatchSize);
        cache.AddToCache([Container(A, 1), Container(B, 2), Container(A, 3)]);
        using var a = CursorAt(cache, A, 1);
        using var b = CursorAt(cache, B, 2);

        // Placed cursors hold where they start.
        Assert.Empty(Purge(cache));

        // B's batch is in flight: its cursor has said it has nothing more, but has not been asked again.
        Assert.Equal([2L], TakeBatch(b));
        Assert.Empty(Purge(cache));

        // A delivers 1 and 3; B is asked again after its delivery and has nothing: now both may go, in order.
        Assert.Equal([1L, 3], TakeBatch(a));
        Assert.Empty(TakeBatch(b));
        Assert.Empty(Purge(cache));
        Assert.Empty(TakeBatch(a));
        Assert.Equal([1L, 2, 3], Purge(cache));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void Containers_added_while_a_batch_is_in_flight_stay_until_the_cursor_takes_them()
    {
        var cache = new KafkaQueueCache(100, BatchSize);
        cache.AddToCache([Container(A, 1)]);
        using var cursor = CursorAt(cache, A, 1);
        Assert.Equal([1L], TakeBatch(cursor));

        // New containers arrive during the delivery, and the agent purges before the cursor is asked again.
        cache.AddToCache([Container(B, 2), Container(A, 3)]);
        Assert.Empty(Purge(cache));

        Assert.Equal([3L], TakeBatch(cursor));
        // 1 is delivered; 3 is now in flight and holds B's 2 behind it no longer, since 2 is older.
        Assert.Equal([1L, 2], Purge(cache));
        Assert.Empty(TakeBatch(cursor));
        Assert.Equal([3L], Purge(cache));
    }

    [Fact]
    public void A_full_batch_holds_until_the_next_one_starts()
    {
        var cache = new KafkaQueueCache(100, BatchSize);
        cache.AddToCache([.. Enumerable.Range(1, 5).Select(o => Container(A, o))]);
        using var cursor = CursorAt(cache, A, 1);

        Assert.Equal([1L, 2, 3], TakeBatch(cursor));
        Assert.Empty(Purge(cache));
        Assert.Equal([4L, 5], TakeBatch(cursor));
        Assert.Equal([1L, 2, 3], Purge(cache));
    }

    [Fact]
    public void An_idle_caught_up_cursor_holds_nothing_and_still_finds_later_containers()
    {
        var cache = new KafkaQueueCache(100, BatchSize);
        cache.AddToCache([Container(A, 1)]);
        using var cursor = CursorAt(cache, A, 1);
        Assert.Equal([1L], TakeBatch(cursor));
        Assert.Empty(TakeBatch(cursor));

        // Another stream keeps flowing past the idle one, and the one it returned last leaves.
        cache.AddToCache([Container(B, 2)]);
        Assert.Equal([1L, 2], Purge(cache));

        cache.AddToCache([Container(A, 3)]);
        Assert.Equal([3L], TakeBatch(cursor));
    }

    [Fact]
    public void A_container_whose_delivery_failed_leaves_but_is_not_reported_delivered()
    {
        var cache = new KafkaQueueCache(100, BatchSize);
        cache.AddToCache([Container(A, 1), Container(A, 2)]);
        using var cursor = CursorAt(cache, A, 1);
        Assert.Single(TakeBatch(new OneAtATime(cursor)));
        cursor.RecordDeliveryFailure();
        Assert.Equal([2L], TakeBatch(cursor));
        Assert.Empty(TakeBatch(cursor));

        Assert.Equal([2L], Purge(cache));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void A_disposed_cursor_holds_nothing()
    {
        var cache = new KafkaQueueCache(100, BatchSize);
        cache.AddToCache([Container(A, 1)]);
        var cursor = CursorAt(cache, A, 1);
        Assert.Empty(Purge(cache));

        cursor.Dispose();

        Assert.Equal([1L], Purge(cache));
    }

    [Fact]
    public void A_full_cache_reports_pressure_but_always_lets_the_agent_read_on_once_it_drains()
    {
        var cache = new KafkaQueueCache(2, BatchSize);
        cache.AddToCache([Container(A, 1), Container(B, 2)]);

        Assert.True(cache.IsUnderPressure());
        // Zero would make the agent skip its turn before purging, so a full cache would never drain.
        Assert.Equal(1, cache.GetMaxAddCount());
        Assert.Equal([1L, 2], Purge(cache));
        Assert.False(cache.IsUnderPressure());
        Assert.Equal(2, cache.GetMaxAddCount());
    }

    /// <summary>A cursor the agent reads one container at a time from, as with a delivery batch size of 1.</summary>
    private sealed class OneAtATime(IQueueCacheCursor inner) : IQueueCacheCursor
    {
        private bool _taken;

        public IBatchContainer? GetCurrent(out Exception? exception) => inner.GetCurrent(out exception);

        [Obsolete("Not called.")]
        public bool MoveNext() => throw new NotSupportedException();

        public QueueCacheCursorMoveResult MoveNextWithResult()
        {
            if (_taken)
            {
                return QueueCacheCursorMoveResult.NoData;
            }

            _taken = true;
            return inner.MoveNextWithResult();
        }

        public void Refresh(StreamSequenceToken sequenceToken) => inner.Refresh(sequenceToken);

        public void RecordDeliveryFailure() => inner.RecordDeliveryFailure();

        public void Dispose()
        {
        }
    }
}

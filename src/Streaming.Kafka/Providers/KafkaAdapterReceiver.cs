using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Streaming.Kafka.Hosting;
using Streaming.Kafka.Mapping;
using Streaming.Kafka.ExactlyOnce;

namespace Streaming.Kafka.Providers;

/// <summary>
/// Reads one topic-partition, assigned by hand (no group rebalancing): the Orleans queue balancer decides
/// which silo owns it. Offsets are committed in the background, never past an undelivered event, and only
/// once the commit gate says the delivered events' effects are durable.
/// </summary>
/// <remarks>
/// Orleans calls the receiver from one pulling agent at a time, so its state needs no locks; only the gate
/// call and the commit itself run on the thread pool, and they hand their outcome back through a task.
/// </remarks>
internal sealed partial class KafkaAdapterReceiver(
    string providerName,
    KafkaTopic topic,
    int partition,
    KafkaStreamOptions options,
    IKafkaRecordMapper mapper,
    IKafkaCommitGate gate,
    DeliveryFailures.Flag failures,
    DeadLetterWriter deadLetters,
    KafkaStreamMetrics metrics,
    TimeProvider time,
    ILogger logger) : IQueueAdapterReceiver, IDisposable
{
    private readonly TopicPartition _partition = new(topic.Name, partition);
    private readonly PartitionProgress _progress = new();
    private readonly MappedEvents _events = new();

    // A pull's events in read order, each with its stream's slot, and the slot of each stream the pull has reached:
    // containers are made when the pull ends, each with an array of its exact size. Kept between pulls: with
    // thousands of streams per pull, new ones each time landed on the large object heap and brought on full
    // collections.
    private readonly List<(int Slot, KafkaEventEntry Entry)> _pulled = [];
    private readonly List<OpenStream> _slots = [];
    private readonly Dictionary<StreamId, int> _open = [];
    private readonly CancellationTokenSource _stopping = new();

    // Ends the commit gate's spread on shutdown, so that releasing a partition does not wait out its pacing.
    private readonly CancellationTokenSource _hurry = new();
    private Dictionary<StreamId, KafkaSequenceToken> _delivered = [];

    // Each stream's last record offset read since start or rewind, so a container can name its predecessor.
    private readonly Dictionary<StreamId, long> _lastOffsets = [];
    private IConsumer<byte[], byte[]>? _consumer;
    private Task<CommitOutcome>? _commit;
    private long _committed = -1;
    private long _firstRead = -1;
    private long _lastCommitStarted;
    private bool _rewind;
    private int _epoch;

    private enum CommitResult
    {
        Committed,
        Lost,
        Failed,
    }

    public Task Initialize(TimeSpan timeout)
    {
        _consumer = new ConsumerBuilder<byte[], byte[]>(options.CreateConsumerConfig($"{providerName}-{topic.Name}-{partition}"))
            .SetLogHandler((_, message) => KafkaLog.Write(logger, message))
            .SetErrorHandler((_, error) => LogConsumerError(topic.Name, partition, error.Code, error.Reason))
            .Build();

        // Offset.Stored resumes from the group's committed offset, or from the configured reset point;
        // librdkafka fetches it itself and keeps retrying while the broker is away.
        _consumer.Assign(new TopicPartitionOffset(_partition, Offset.Stored));
        metrics.Track(providerName, _partition, _consumer);
        LogAssigned(topic.Name, partition);
        return Task.CompletedTask;
    }

    public async Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount)
    {
        var consumer = _consumer ?? throw new InvalidOperationException("The receiver is not initialized.");
        TakeCommitOutcome();
        if (failures.Take())
        {
            // Orleans gave up delivering an event and the cache dropped it: read the partition again.
            LogDeliveryFailed(topic.Name, partition);
            _rewind = true;
        }

        if (_rewind && _commit is null)
        {
            Rewind(consumer);
        }

        var limit = maxCount > 0 ? Math.Min(maxCount, options.MaxBatchSize) : options.MaxBatchSize;
        var records = 0;
        while (records < limit && _slots.Count < limit)
        {
            ConsumeResult<byte[], byte[]>? result;
            try
            {
                result = consumer.Consume(TimeSpan.Zero);
            }
            catch (ConsumeException ex)
            {
                LogConsumeFailed(ex, topic.Name, partition, ex.Error.Reason);
                break;
            }

            if (result is null || result.IsPartitionEOF)
            {
                break;
            }

            if (!await MapAsync(result))
            {
                // The dead letter could not be written: read this record again next time rather than lose it.
                consumer.Seek(new TopicPartitionOffset(_partition, result.Offset));
                break;
            }

            records++;
            if (_firstRead < 0)
            {
                _firstRead = result.Offset.Value;
            }

            _progress.Read(result.Offset.Value + 1);
        }

        var batch = TakeContainers();
        if (records > 0)
        {
            metrics.Consumed(providerName, topic.Name, records);
            foreach (var container in batch)
            {
                _progress.Cached((KafkaBatchContainer)container);
            }
        }

        StartCommitIfDue();
        return batch;
    }

    public Task MessagesDeliveredAsync(IList<IBatchContainer> messages)
    {
        var now = time.GetUtcNow();
        foreach (var message in messages)
        {
            if (message is not KafkaBatchContainer container)
            {
                continue;
            }

            _delivered[container.StreamId] = (KafkaSequenceToken)container.LastToken;
            foreach (var entry in container.Entries)
            {
                metrics.Delivered(providerName, topic.Name, now - entry.Timestamp);
            }
        }

        _progress.Delivered(messages);
        TakeCommitOutcome();
        StartCommitIfDue();
        return Task.CompletedTask;
    }

    public async Task Shutdown(TimeSpan timeout)
    {
        var consumer = _consumer;
        if (consumer is null)
        {
            return;
        }

        _consumer = null;
        await _hurry.CancelAsync();
        _stopping.CancelAfter(timeout);
        try
        {
            if (_commit is not null)
            {
                await _commit.WaitAsync(_stopping.Token);
                TakeCommitOutcome();
            }

            // A last commit, through the gate like any other, so the next owner starts where this one ended.
            if (!_rewind && !failures.IsRaised && _progress.Committable is { } offset && offset > _committed)
            {
                var outcome = await CommitAsync(consumer, Checkpoint(offset));
                LogFinalCommit(topic.Name, partition, offset, outcome.Result);
            }
        }
        catch (OperationCanceledException)
        {
            LogShutdownTimedOut(topic.Name, partition, timeout);
        }
        finally
        {
            metrics.Untrack(providerName, _partition);
            await Task.Run(() =>
            {
                consumer.Close();
                consumer.Dispose();
            });
            Dispose();
            LogReleased(topic.Name, partition);
        }
    }

    /// <summary>Orleans never disposes receivers; <see cref="Shutdown"/> does.</summary>
    public void Dispose()
    {
        _stopping.Dispose();
        _hurry.Dispose();
    }

    /// <returns><c>false</c> when the record could not be dead-lettered and must be read again.</returns>
    private async Task<bool> MapAsync(ConsumeResult<byte[], byte[]> result)
    {
        var message = result.Message;
        // The topic is this receiver's: consumers leave it out of their results (see KafkaStreamOptions).
        var record = new KafkaRecord(
            topic.Name,
            result.Partition.Value,
            result.Offset.Value,
            message.Timestamp.UtcDateTime,
            message.Key,
            message.Value,
            message.Headers);

        _events.Clear();
        try
        {
            mapper.Map(record, topic.StreamNamespace, _events);
        }
#pragma warning disable CA1031 // Any mapper failure makes the record a dead letter; none may stop the partition.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogRejected(topic.Name, partition, record.Offset, ex.Message);
            if (!await deadLetters.TryWriteAsync(record, ex))
            {
                return false;
            }

            metrics.DeadLettered(providerName, topic.Name);
            return true;
        }

        for (var index = 0; index < _events.Count; index++)
        {
            var (streamId, @event) = _events[index];
            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_open, streamId, out var known);
            if (!known)
            {
                slot = _slots.Count;
                _slots.Add(new OpenStream(streamId, _lastOffsets.TryGetValue(streamId, out var last) ? last : -1));
            }

            CollectionsMarshal.AsSpan(_slots)[slot].Count++;
            _pulled.Add((slot, new KafkaEventEntry(record.Offset, index, record.Timestamp, @event)));
        }

        return true;
    }

    /// <summary>One container per stream the pull reached, in the order the streams first appeared.</summary>
    private List<IBatchContainer> TakeContainers()
    {
        var slots = CollectionsMarshal.AsSpan(_slots);
        var entries = new KafkaEventEntry[slots.Length][];
        for (var i = 0; i < slots.Length; i++)
        {
            entries[i] = new KafkaEventEntry[slots[i].Count];
            slots[i].Count = 0;
        }

        foreach (var (slot, entry) in _pulled)
        {
            entries[slot][slots[slot].Count++] = entry;
        }

        var batch = new List<IBatchContainer>(slots.Length);
        for (var i = 0; i < slots.Length; i++)
        {
            batch.Add(new KafkaBatchContainer(slots[i].StreamId, topic.Name, partition, ImmutableCollectionsMarshal.AsImmutableArray(entries[i]), _epoch, slots[i].Preceding));
            _lastOffsets[slots[i].StreamId] = entries[i][^1].Offset;
        }

        _pulled.Clear();
        _slots.Clear();
        _open.Clear();
        return batch;
    }

    private void StartCommitIfDue()
    {
        var consumer = _consumer;
        if (consumer is null || _commit is not null || _rewind || failures.IsRaised || _progress.Committable is not { } offset || offset <= _committed)
        {
            return;
        }

        var now = time.GetTimestamp();
        if (time.GetElapsedTime(_lastCommitStarted, now) < options.CommitInterval)
        {
            return;
        }

        _lastCommitStarted = now;
        _commit = StartCommit(consumer, Checkpoint(offset));
    }

    // Apart, so that the closure is made only when a commit starts, not on every call of StartCommitIfDue.
    private Task<CommitOutcome> StartCommit(IConsumer<byte[], byte[]> consumer, KafkaCheckpoint checkpoint) =>
        Task.Run(() => CommitAsync(consumer, checkpoint));

    private KafkaCheckpoint Checkpoint(long offset)
    {
        var checkpoint = new KafkaCheckpoint(topic.Name, topic.StreamNamespace, partition, offset, _delivered, options.CommitInterval / 2, _hurry.Token);
        _delivered = [];
        return checkpoint;
    }

    private async Task<CommitOutcome> CommitAsync(IConsumer<byte[], byte[]> consumer, KafkaCheckpoint checkpoint)
    {
        try
        {
            if (!await gate.CanCommitAsync(checkpoint, _stopping.Token))
            {
                return new CommitOutcome(CommitResult.Lost, checkpoint);
            }

            consumer.Commit([new TopicPartitionOffset(_partition, checkpoint.Offset)]);
            return new CommitOutcome(CommitResult.Committed, checkpoint);
        }
#pragma warning disable CA1031 // A failed gate or commit is retried at the next interval; the partition keeps flowing.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogCommitFailed(ex, topic.Name, partition, checkpoint.Offset, ex.Message);
            return new CommitOutcome(CommitResult.Failed, checkpoint);
        }
    }

    private void TakeCommitOutcome()
    {
        if (_commit is not { IsCompleted: true } commit)
        {
            return;
        }

        _commit = null;
        var outcome = commit.Result;
        switch (outcome.Result)
        {
            case CommitResult.Committed:
                _committed = outcome.Checkpoint.Offset;
                ForgetDurablePredecessors();
                metrics.Committed(providerName, topic.Name);
                break;
            case CommitResult.Failed:
                // Try again next time, still covering every stream the failed checkpoint listed.
                foreach (var (streamId, token) in outcome.Checkpoint.Delivered)
                {
                    if (!_delivered.TryGetValue(streamId, out var newer) || newer.CompareTo(token) < 0)
                    {
                        _delivered[streamId] = token;
                    }
                }

                break;
            case CommitResult.Lost:
                LogLost(topic.Name, partition, outcome.Checkpoint.Offset);
                _rewind = true;
                break;
        }
    }

    /// <summary>
    /// A stream whose last record lies below the committed offset has everything up to it durable, so its next
    /// record needs no predecessor check; dropping it keeps the map to the streams active since the last commit.
    /// </summary>
    private void ForgetDurablePredecessors()
    {
        foreach (var (streamId, offset) in _lastOffsets)
        {
            if (offset < _committed)
            {
                _lastOffsets.Remove(streamId);
            }
        }
    }

    private void Rewind(IConsumer<byte[], byte[]> consumer)
    {
        _rewind = false;
        var target = _committed >= 0 ? _committed : _firstRead;
        if (target < 0)
        {
            return;
        }

        consumer.Seek(new TopicPartitionOffset(_partition, target));
        _epoch++;
        _progress.Restart(target);
        _delivered = [];
        _lastOffsets.Clear();
        metrics.Rewound(providerName, topic.Name);
        LogRewound(topic.Name, partition, target);
    }

    private sealed record CommitOutcome(CommitResult Result, KafkaCheckpoint Checkpoint);

    /// <summary>A stream a pull has reached: the offset of its record before the pull, and its events so far.</summary>
    private record struct OpenStream(StreamId StreamId, long Preceding)
    {
        public int Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reading Kafka partition {Topic}[{Partition}]")]
    private partial void LogAssigned(string topic, int partition);

    [LoggerMessage(Level = LogLevel.Information, Message = "Released Kafka partition {Topic}[{Partition}]")]
    private partial void LogReleased(string topic, int partition);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kafka consumer of {Topic}[{Partition}]: {Code} {Reason}; librdkafka retries on its own")]
    private partial void LogConsumerError(string topic, int partition, ErrorCode code, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading {Topic}[{Partition}] failed: {Reason}")]
    private partial void LogConsumeFailed(Exception ex, string topic, int partition, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Committing {Topic}[{Partition}]@{Offset} failed, will retry: {Reason}")]
    private partial void LogCommitFailed(Exception ex, string topic, int partition, long offset, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Final commit of {Topic}[{Partition}]@{Offset}: {Result}")]
    private partial void LogFinalCommit(string topic, int partition, long offset, CommitResult result);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Releasing {Topic}[{Partition}] took longer than {Timeout}; its last events will be read again by the next owner")]
    private partial void LogShutdownTimedOut(string topic, int partition, TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Record {Topic}[{Partition}]@{Offset} was rejected and goes to the dead-letter topic: {Reason}")]
    private partial void LogRejected(string topic, int partition, long offset, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The commit gate reports lost effects below {Topic}[{Partition}]@{Offset}; the partition will be read again from its last commit")]
    private partial void LogLost(string topic, int partition, long offset);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An event of {Topic}[{Partition}] could not be delivered; the partition will be read again from its last commit")]
    private partial void LogDeliveryFailed(string topic, int partition);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rewound {Topic}[{Partition}] to offset {Offset}")]
    private partial void LogRewound(string topic, int partition, long offset);
}

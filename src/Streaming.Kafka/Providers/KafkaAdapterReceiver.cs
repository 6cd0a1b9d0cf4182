using Streaming.Kafka.Hosting;
using Streaming.Kafka.Mapping;

namespace Streaming.Kafka.Providers;

/// <summary>
/// Reads one topic-partition, assigned by hand (no group rebalancing): the Orleans queue balancer decides
/// which silo owns it. Offsets are stored as the cache reports delivery and committed in the background.
/// </summary>
internal sealed partial class KafkaAdapterReceiver(
    string providerName,
    KafkaTopic topic,
    int partition,
    KafkaStreamOptions options,
    IKafkaRecordMapper mapper,
    DeadLetterWriter deadLetters,
    KafkaStreamMetrics metrics,
    ILogger logger) : IQueueAdapterReceiver
{
    private readonly TopicPartition _partition = new(topic.Name, partition);
    private readonly PartitionProgress _progress = new();
    private readonly MappedEvents _events = new();
    private IConsumer<byte[], byte[]>? _consumer;
    private long _storedOffset = -1;

    public Task Initialize(TimeSpan timeout)
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = options.BootstrapServers,
            GroupId = options.ConsumerGroupId,
            ClientId = $"{providerName}-{topic.Name}-{partition}",
            EnableAutoCommit = true,
            EnableAutoOffsetStore = false,
            AutoOffsetReset = options.StartOffset == KafkaStartOffset.Earliest ? AutoOffsetReset.Earliest : AutoOffsetReset.Latest,
            // A receiver reads one partition; keep its prefetch modest, since a silo may own many.
            QueuedMaxMessagesKbytes = 16 * 1024,
        };
        foreach (var (key, value) in options.ConsumerSettings)
        {
            config.Set(key, value);
        }

        _consumer = new ConsumerBuilder<byte[], byte[]>(config)
            .SetLogHandler((_, message) => KafkaLog.Write(logger, message))
            .SetErrorHandler((_, error) => LogConsumerError(error.Code, error.Reason))
            .Build();

        // Offset.Stored resumes from the group's committed offset, or from the configured reset point;
        // librdkafka fetches it itself and keeps retrying while the broker is away.
        _consumer.Assign(new TopicPartitionOffset(_partition, Offset.Stored));
        LogAssigned(topic.Name, partition);
        return Task.CompletedTask;
    }

    public async Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount)
    {
        var consumer = _consumer ?? throw new InvalidOperationException("The receiver is not initialized.");
        var limit = maxCount > 0 ? Math.Min(maxCount, options.MaxBatchSize) : options.MaxBatchSize;
        var batch = new List<IBatchContainer>();
        var open = new Dictionary<StreamId, KafkaBatchContainer>();
        var records = 0;

        while (records < limit && batch.Count < limit)
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

            records++;
            if (!await MapAsync(result, batch, open))
            {
                // The dead-letter write failed: read this record again next time rather than lose it.
                consumer.Seek(result.TopicPartitionOffset);
                records--;
                break;
            }

            _progress.Read(result.Offset.Value + 1);
        }

        if (records > 0)
        {
            metrics.Consumed(providerName, topic.Name, records);
            foreach (var container in batch)
            {
                _progress.Cached((KafkaBatchContainer)container);
            }

            StoreProgress();
        }

        return batch;
    }

    public Task MessagesDeliveredAsync(IList<IBatchContainer> messages)
    {
        _progress.Delivered(messages);
        StoreProgress();
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
        StoreProgress(consumer);
        await Task.Run(() =>
        {
            try
            {
                consumer.Commit();
            }
            catch (KafkaException ex) when (ex.Error.Code == ErrorCode.Local_NoOffset)
            {
                // Nothing new to commit.
            }
            catch (KafkaException ex)
            {
                LogCommitFailed(ex, topic.Name, partition, ex.Error.Reason);
            }

            consumer.Close();
            consumer.Dispose();
        });
        LogReleased(topic.Name, partition);
    }

    /// <returns><c>false</c> when the record could not be dead-lettered and must be read again.</returns>
    private async Task<bool> MapAsync(
        ConsumeResult<byte[], byte[]> result,
        List<IBatchContainer> batch,
        Dictionary<StreamId, KafkaBatchContainer> open)
    {
        var message = result.Message;
        var record = new KafkaRecord(
            result.Topic,
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
            if (!await deadLetters.TryWriteAsync(result, ex))
            {
                return false;
            }

            metrics.DeadLettered(providerName, topic.Name);
            return true;
        }

        for (var index = 0; index < _events.Count; index++)
        {
            var (streamId, @event) = _events[index];
            var entry = new KafkaEventEntry(record.Offset, index, record.Timestamp, @event);
            if (open.TryGetValue(streamId, out var container))
            {
                container.Entries.Add(entry);
            }
            else
            {
                container = new KafkaBatchContainer(streamId, topic.Name, partition, [entry]);
                open[streamId] = container;
                batch.Add(container);
            }
        }

        return true;
    }

    private void StoreProgress() => StoreProgress(_consumer);

    private void StoreProgress(IConsumer<byte[], byte[]>? consumer)
    {
        if (consumer is null || _progress.Committable is not { } offset || offset <= _storedOffset)
        {
            return;
        }

        try
        {
            consumer.StoreOffset(new TopicPartitionOffset(_partition, offset));
            _storedOffset = offset;
        }
        catch (KafkaException ex)
        {
            LogCommitFailed(ex, topic.Name, partition, ex.Error.Reason);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reading Kafka partition {Topic}[{Partition}]")]
    private partial void LogAssigned(string topic, int partition);

    [LoggerMessage(Level = LogLevel.Information, Message = "Released Kafka partition {Topic}[{Partition}]")]
    private partial void LogReleased(string topic, int partition);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kafka consumer error {Code}: {Reason}")]
    private partial void LogConsumerError(ErrorCode code, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading {Topic}[{Partition}] failed: {Reason}")]
    private partial void LogConsumeFailed(Exception ex, string topic, int partition, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storing or committing the offset of {Topic}[{Partition}] failed: {Reason}")]
    private partial void LogCommitFailed(Exception ex, string topic, int partition, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Record {Topic}[{Partition}]@{Offset} was rejected and goes to the dead-letter topic: {Reason}")]
    private partial void LogRejected(string topic, int partition, long offset, string reason);
}

using System.Globalization;
using System.Text;
using Streaming.Kafka.Mapping;

namespace Streaming.Kafka.Providers;

/// <summary>
/// Writes records that could not be used to the dead-letter topic, unchanged, with headers naming the
/// source topic, partition and offset and the error.
/// </summary>
internal sealed partial class DeadLetterWriter(IProducer<byte[], byte[]> producer, string topic, ILogger logger)
{
    /// <summary>Header holding the topic the record was read from.</summary>
    public const string SourceTopicHeader = "dlq.source.topic";

    /// <summary>Header holding the partition the record was read from.</summary>
    public const string SourcePartitionHeader = "dlq.source.partition";

    /// <summary>Header holding the record's offset in its source partition.</summary>
    public const string SourceOffsetHeader = "dlq.source.offset";

    /// <summary>Header holding why the record was rejected.</summary>
    public const string ErrorHeader = "dlq.error";

    /// <summary>Header holding the type of the exception that rejected the record.</summary>
    public const string ErrorTypeHeader = "dlq.error.type";

    private const int MaxErrorLength = 1_000;

    /// <returns><c>true</c> once the broker has acknowledged the dead letter.</returns>
    public async Task<bool> TryWriteAsync(KafkaRecord source, Exception error)
    {
        var headers = new Headers();
        if (source.Headers is { } original)
        {
            foreach (var header in original)
            {
                headers.Add(header.Key, header.GetValueBytes());
            }
        }

        var reason = error.Message.Length > MaxErrorLength ? error.Message[..MaxErrorLength] : error.Message;
        headers.Add(SourceTopicHeader, Encoding.UTF8.GetBytes(source.Topic));
        headers.Add(SourcePartitionHeader, Encoding.UTF8.GetBytes(source.Partition.ToString(CultureInfo.InvariantCulture)));
        headers.Add(SourceOffsetHeader, Encoding.UTF8.GetBytes(source.Offset.ToString(CultureInfo.InvariantCulture)));
        headers.Add(ErrorHeader, Encoding.UTF8.GetBytes(reason));
        headers.Add(ErrorTypeHeader, Encoding.UTF8.GetBytes(error.GetType().FullName ?? error.GetType().Name));

        try
        {
            await producer.ProduceAsync(topic, new Message<byte[], byte[]>
            {
                Key = source.Key.ToArray(),
                Value = source.Value.ToArray(),
                Headers = headers,
                Timestamp = new Timestamp(source.Timestamp),
            });
            return true;
        }
        catch (ProduceException<byte[], byte[]> ex)
        {
            LogWriteFailed(ex, source.Topic, source.Partition, source.Offset, ex.Error.Reason);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not dead-letter {Topic}[{Partition}]@{Offset}; it will be read again: {Reason}")]
    private partial void LogWriteFailed(Exception ex, string topic, int partition, long offset, string reason);
}

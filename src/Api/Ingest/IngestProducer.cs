using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.Options;
using Retail.Api.Platform;

namespace Retail.Api.Ingest;

/// <summary>The API's one Kafka producer for ingest: idempotent, acknowledged by all in-sync replicas.</summary>
public sealed partial class IngestProducer(PlatformInfo platform, IOptions<KafkaWriteOptions> options, ILogger<IngestProducer> logger) : IDisposable
{
    // What librdkafka adds to a record's key, value and headers when it checks message.max.bytes (the v2 record's
    // varints and attributes), rounded up, so that a record counted as fitting here is never refused there.
    private const int RecordOverhead = 64;
    private const int HeaderOverhead = 10;

    private readonly Lazy<IProducer<byte[], byte[]>> _producer = new(() =>
        new ProducerBuilder<byte[], byte[]>(Config(platform, options.Value))
        .SetLogHandler((_, message) => Log(logger, message))
        .Build());

    /// <summary>The ingest producer's configuration: ours, then the platform's client settings.</summary>
    internal static ProducerConfig Config(PlatformInfo platform, KafkaWriteOptions options) => platform.KafkaConfig(new ProducerConfig
    {
        ClientId = "retail-api-ingest",
        EnableIdempotence = true,
        Acks = Acks.All,
        LingerMs = 2,
        MessageMaxBytes = options.MaxMessageBytes,
    });

    /// <summary>Largest record this producer writes (<c>Kafka:MaxMessageBytes</c>).</summary>
    public int MaxMessageBytes => options.Value.MaxMessageBytes;

    /// <summary>The size a record counts as against <see cref="MaxMessageBytes"/>: key, value, headers and framing.</summary>
    public static int RecordBytes(Message<byte[], byte[]> message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var size = RecordOverhead + (message.Key?.Length ?? 0) + (message.Value?.Length ?? 0);
        foreach (var header in message.Headers ?? [])
        {
            size += HeaderOverhead + Encoding.UTF8.GetByteCount(header.Key) + (header.GetValueBytes()?.Length ?? 0);
        }

        return size;
    }

    /// <summary>Writes one record and completes once Kafka has acknowledged it.</summary>
    public Task<DeliveryResult<byte[], byte[]>> WriteAsync(string topic, Message<byte[], byte[]> message, CancellationToken cancellationToken) =>
        _producer.Value.ProduceAsync(topic, message, cancellationToken);

    /// <summary>librdkafka's syslog severities on our levels; its informational chatter stays below Information.</summary>
    private static void Log(ILogger logger, LogMessage message)
    {
        var level = message.Level switch
        {
            <= SyslogLevel.Error => LogLevel.Error,
            SyslogLevel.Warning => LogLevel.Warning,
            _ => LogLevel.Debug,
        };
        LogKafka(logger, level, message.Facility, message.Message);
    }

    [LoggerMessage(Message = "librdkafka {Facility}: {Message}")]
    private static partial void LogKafka(ILogger logger, LogLevel level, string facility, string message);

    public void Dispose()
    {
        if (_producer.IsValueCreated)
        {
            _producer.Value.Flush(TimeSpan.FromSeconds(5));
            _producer.Value.Dispose();
        }
    }
}

using Confluent.Kafka;
using Retail.Api.Platform;

namespace Retail.Api.Ingest;

/// <summary>The API's one Kafka producer for ingest: idempotent, acknowledged by all in-sync replicas.</summary>
public sealed partial class IngestProducer(PlatformInfo platform, ILogger<IngestProducer> logger) : IDisposable
{
    private readonly Lazy<IProducer<byte[], byte[]>> _producer = new(() =>
        new ProducerBuilder<byte[], byte[]>(new ProducerConfig
        {
            BootstrapServers = platform.KafkaBootstrapServers,
            ClientId = "retail-api-ingest",
            EnableIdempotence = true,
            Acks = Acks.All,
            LingerMs = 2,
        })
        .SetLogHandler((_, message) => Log(logger, message))
        .Build());

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

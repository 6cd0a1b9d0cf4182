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
        .SetLogHandler((_, message) => LogKafka(logger, message.Level <= SyslogLevel.Warning ? LogLevel.Warning : LogLevel.Debug, message.Facility, message.Message))
        .Build());

    /// <summary>Writes one record and completes once Kafka has acknowledged it.</summary>
    public Task<DeliveryResult<byte[], byte[]>> WriteAsync(string topic, Message<byte[], byte[]> message, CancellationToken cancellationToken) =>
        _producer.Value.ProduceAsync(topic, message, cancellationToken);

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

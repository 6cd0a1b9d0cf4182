using Streaming.Kafka.Embedded;

namespace Retail.Silo.Hosting;

/// <summary>
/// The Kafka cluster this process talks to: <c>Kafka:BootstrapServers</c> when set, otherwise an embedded
/// broker that lives as long as this object.
/// </summary>
public sealed class KafkaEndpoint : IDisposable
{
    private readonly EmbeddedKafkaBroker? _embedded;

    private KafkaEndpoint(string bootstrapServers, EmbeddedKafkaBroker? embedded)
    {
        BootstrapServers = bootstrapServers;
        _embedded = embedded;
    }

    /// <summary>The bootstrap address for every Kafka client.</summary>
    public string BootstrapServers { get; }

    /// <summary>Whether this is the in-process test broker rather than real Kafka.</summary>
    public bool Embedded => _embedded is not null;

    public static KafkaEndpoint Create(IConfiguration configuration, ILoggerFactory? loggers = null)
    {
        var configured = configuration["Kafka:BootstrapServers"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new KafkaEndpoint(configured, embedded: null);
        }

        var broker = EmbeddedKafkaBroker.Start(logger: loggers?.CreateLogger<EmbeddedKafkaBroker>());
        return new KafkaEndpoint(broker.BootstrapServers, broker);
    }

    public void Dispose() => _embedded?.Dispose();
}

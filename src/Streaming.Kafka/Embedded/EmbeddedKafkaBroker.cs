namespace Streaming.Kafka.Embedded;

/// <summary>
/// An in-process Kafka broker: librdkafka's mock cluster, which speaks the real Kafka wire protocol on a
/// loopback port. For local runs, tests and benchmarks only: it is in memory, auto-creates topics with
/// four partitions, and keeps at most about 5 MiB per partition.
/// </summary>
public sealed class EmbeddedKafkaBroker : IDisposable
{
    private readonly IProducer<Null, Null> _host;

    private EmbeddedKafkaBroker(IProducer<Null, Null> host, string bootstrapServers)
    {
        _host = host;
        BootstrapServers = bootstrapServers;
    }

    /// <summary>The <c>host:port</c> list that any Kafka client can bootstrap from.</summary>
    public string BootstrapServers { get; }

    /// <summary>Starts a mock cluster and waits until it answers metadata requests.</summary>
    /// <param name="brokers">Number of mock brokers in the cluster.</param>
    /// <param name="logger">Receives librdkafka's own log lines, including its MOCK notice.</param>
    public static EmbeddedKafkaBroker Start(int brokers = 1, ILogger? logger = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(brokers, 1);

        // The mock cluster lives inside this client handle; its bootstrap.servers is ignored but required.
        var config = new ProducerConfig
        {
            BootstrapServers = "localhost:1",
            ClientId = "embedded-kafka-broker",
        };
        config.Set("test.mock.num.brokers", brokers.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var builder = new ProducerBuilder<Null, Null>(config);
        if (logger is not null)
        {
            builder.SetLogHandler((_, message) => KafkaLog.Write(logger, message));
        }

        var host = builder.Build();
        try
        {
            using var admin = new DependentAdminClientBuilder(host.Handle).Build();
            var metadata = admin.GetMetadata(TimeSpan.FromSeconds(10));
            var bootstrap = string.Join(',', metadata.Brokers.Select(b => $"{b.Host}:{b.Port}"));
            if (bootstrap.Length == 0)
            {
                throw new InvalidOperationException("The embedded Kafka broker reported no brokers.");
            }

            return new EmbeddedKafkaBroker(host, bootstrap);
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    /// <summary>Stops the mock cluster. Every topic and record it held is gone.</summary>
    public void Dispose() => _host.Dispose();
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Confluent.Kafka;
using Streaming.Kafka.Embedded;

namespace Retail.Benchmarks;

/// <summary>What the benchmark commands share: the silo settings, the producer, free ports and medians.</summary>
internal static class Bench
{
    /// <summary>
    /// The settings of a silo on <paramref name="broker"/>, without the demo, in cluster
    /// <paramref name="clusterId"/>; with PostgreSQL storage when <paramref name="postgres"/> is given.
    /// Keys use ':'; callers add their own.
    /// </summary>
    public static Dictionary<string, string?> SiloSettings(EmbeddedKafkaBroker broker, string clusterId, int siloPort, string? postgres)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Kafka:BootstrapServers"] = broker.BootstrapServers,
            ["Demo:Enabled"] = "false",
            ["Orleans:SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
            ["Orleans:AdvertisedHost"] = "127.0.0.1",
            ["Orleans:ClusterId"] = clusterId,
            ["Shopify:WebhookSecret"] = "benchmark-key",
        };

        // The silo does this itself only when it starts the broker; here the broker is the benchmark's.
        foreach (var (key, value) in EmbeddedKafkaBroker.ConsumerSettings)
        {
            settings[$"Kafka:Consumer:{key}"] = value;
        }

        if (postgres is not null)
        {
            settings["ConnectionStrings:Postgres"] = postgres;
        }

        return settings;
    }

    /// <summary>Produces <paramref name="records"/> at <paramref name="rate"/> events/s, or as fast as possible at 0, each stamped as it goes.</summary>
    public static async Task ProduceAsync(EmbeddedKafkaBroker broker, string topic, IEnumerable<(byte[] Key, byte[] Value)> records, double rate, CancellationToken cancellationToken)
    {
        using var producer = new ProducerBuilder<byte[], byte[]>(new ProducerConfig { BootstrapServers = broker.BootstrapServers, LingerMs = 2, BatchSize = 1_000_000 }).Build();
        var clock = Stopwatch.StartNew();
        var i = 0;
        foreach (var (key, value) in records)
        {
            if (rate > 0 && i % 50 == 0)
            {
                var due = TimeSpan.FromSeconds(i / rate) - clock.Elapsed;
                if (due > TimeSpan.Zero)
                {
                    await Task.Delay(due, cancellationToken);
                }
            }

            i++;
            while (true)
            {
                try
                {
                    producer.Produce(topic, new Message<byte[], byte[]> { Key = key, Value = value, Timestamp = new Timestamp(DateTime.UtcNow) });
                    break;
                }
                catch (ProduceException<byte[], byte[]> ex) when (ex.Error.Code == Confluent.Kafka.ErrorCode.Local_QueueFull)
                {
                    producer.Poll(TimeSpan.FromMilliseconds(5));
                }
            }
        }

        producer.Flush(cancellationToken);
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

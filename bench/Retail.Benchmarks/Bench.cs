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
    /// The settings of a silo on <paramref name="bootstrapServers"/>, without the demo, in a cluster and service
    /// named <paramref name="serviceId"/>; with PostgreSQL storage when <paramref name="postgres"/> is given.
    /// Keys use ':'; callers add their own.
    /// </summary>
    public static Dictionary<string, string?> SiloSettings(string bootstrapServers, string serviceId, int siloPort, string? postgres)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Kafka:BootstrapServers"] = bootstrapServers,
            ["Demo:Enabled"] = "false",
            ["Orleans:SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
            ["Orleans:AdvertisedHost"] = "127.0.0.1",
            ["Orleans:ClusterId"] = serviceId,
            ["Orleans:ServiceId"] = serviceId,
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

    /// <summary>The producer of the benchmark's records: batches of up to 5 ms, and large.</summary>
    public static IProducer<byte[], byte[]> CreateProducer(string bootstrapServers) =>
        new ProducerBuilder<byte[], byte[]>(new ProducerConfig { BootstrapServers = bootstrapServers, LingerMs = 5, BatchSize = 1_000_000 }).Build();

    /// <summary>
    /// Produces <paramref name="records"/> at <paramref name="rate"/> events/s, or as fast as possible at 0, then
    /// flushes. Returns the <see cref="Stopwatch"/> timestamp taken just before the first record was produced.
    /// </summary>
    public static async Task<long> ProduceAsync(IProducer<byte[], byte[]> producer, string topic, IEnumerable<(byte[] Key, byte[] Value)> records, double rate, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var i = 0;
        foreach (var (key, value) in records)
        {
            if (rate > 0 && i % 50 == 0)
            {
                var due = TimeSpan.FromSeconds(i / rate) - Stopwatch.GetElapsedTime(started);
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
                    // No timestamp given: librdkafka stamps each record's create time as it is produced.
                    producer.Produce(topic, new Message<byte[], byte[]> { Key = key, Value = value });
                    break;
                }
                catch (ProduceException<byte[], byte[]> ex) when (ex.Error.Code == Confluent.Kafka.ErrorCode.Local_QueueFull)
                {
                    producer.Poll(TimeSpan.FromMilliseconds(5));
                }
            }
        }

        producer.Flush(cancellationToken);
        return started;
    }

    /// <summary>
    /// Waits until the silos of service <paramref name="serviceId"/> have committed <paramref name="target"/> records
    /// of <paramref name="topic"/> in all. They commit only once the grains' effects are durable, so this is "every
    /// event applied and written", with nothing left for the commit gate to do.
    /// </summary>
    public static async Task WaitForCommitsAsync(string bootstrapServers, string serviceId, string topic, int partitions, long target, Action throwIfExited, TimeSpan timeout)
    {
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig { BootstrapServers = bootstrapServers, GroupId = $"{serviceId}-streams" })
            .SetLogHandler((_, _) => { })
            .Build();
        var assigned = Enumerable.Range(0, partitions).Select(p => new TopicPartition(topic, p)).ToList();
        var clock = Stopwatch.StartNew();
        var reported = TimeSpan.Zero;
        while (true)
        {
            throwIfExited();
            var committed = consumer.Committed(assigned, TimeSpan.FromSeconds(10)).Sum(c => Math.Max(c.Offset.Value, 0));
            if (committed >= target)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  all {target:N0} records applied and committed after {clock.Elapsed.TotalSeconds:N0} s"));
                return;
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"The silos committed {committed:N0} of {target:N0} offsets within {timeout}.");
            }

            if (clock.Elapsed - reported > TimeSpan.FromSeconds(10))
            {
                reported = clock.Elapsed;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {committed:N0} of {target:N0} committed after {clock.Elapsed.TotalSeconds:N0} s"));
            }

            await Task.Delay(250);
        }
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

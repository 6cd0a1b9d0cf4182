using System.Globalization;
using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.TestingHost;
using Streaming.Kafka.Embedded;
using Streaming.Kafka.Hosting;
using Streaming.Kafka.Mapping;
using Streaming.Kafka.ExactlyOnce;

namespace Streaming.Kafka.Tests.Cluster;

/// <summary>An in-process Orleans cluster reading one topic of an embedded broker through the provider.</summary>
public sealed class ClusterHarness : IAsyncDisposable
{
    public const string Topic = "events";
    public const string Namespace = "events-ns";
    public const string Provider = "kafka";
    public const string Group = "harness";
    public const string DeadLetters = "events_dead";

    private ClusterHarness(EmbeddedKafkaBroker broker, InProcessTestCluster cluster, DeliveryLog log)
    {
        Broker = broker;
        Cluster = cluster;
        Log = log;
    }

    public EmbeddedKafkaBroker Broker { get; }

    public InProcessTestCluster Cluster { get; }

    public DeliveryLog Log { get; }

    /// <summary>Starts a cluster of <paramref name="silos"/> silos on <paramref name="broker"/>.</summary>
    public static async Task<ClusterHarness> StartAsync(
        EmbeddedKafkaBroker broker,
        int silos = 1,
        IKafkaCommitGate? gate = null,
        Action<KafkaStreamOptions>? configure = null)
    {
        var log = new DeliveryLog();
        var builder = new InProcessTestClusterBuilder((short)silos);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton(log);
            silo.Services.AddKeyedSingleton<IKafkaRecordMapper, TestRecordMapper>(Provider);
            if (gate is not null)
            {
                silo.Services.AddKeyedSingleton(Provider, gate);
            }

            silo.AddKafkaStreams(
                Provider,
                options =>
                {
                    options.BootstrapServers = broker.BootstrapServers;
                    options.ConsumerGroupId = Group;
                    options.DeadLetterTopic = DeadLetters;
                    options.CommitInterval = TimeSpan.FromMilliseconds(100);
                    options.AddTopic(Topic, Namespace);
                    configure?.Invoke(options);
                },
                stream =>
                {
                    stream.ConfigureStreamPubSub(Orleans.Streams.StreamPubSubType.ImplicitOnly);
                    stream.ConfigurePullingAgent(agent => agent.Configure(o => o.GetQueueMsgsTimerPeriod = TimeSpan.FromMilliseconds(20)));
                });
        });
        builder.ConfigureClient(client => client.AddKafkaStreams(
            Provider,
            options =>
            {
                options.BootstrapServers = broker.BootstrapServers;
                options.AddTopic(Topic, Namespace);
            }));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new ClusterHarness(broker, cluster, log);
    }

    /// <summary>Produces <paramref name="count"/> records keyed k00..k(keys-1), valued by their index from <paramref name="first"/>.</summary>
    public static async Task ProduceAsync(EmbeddedKafkaBroker broker, int count, int keys = 40, int first = 0, Func<int, string>? value = null)
    {
        using var producer = new ProducerBuilder<byte[], byte[]>(new ProducerConfig { BootstrapServers = broker.BootstrapServers, LingerMs = 5 }).Build();
        var writes = new Task[count];
        for (var i = 0; i < count; i++)
        {
            var n = first + i;
            writes[i] = producer.ProduceAsync(Topic, new Message<byte[], byte[]>
            {
                Key = Encoding.UTF8.GetBytes($"k{n % keys:00}"),
                Value = Encoding.UTF8.GetBytes(value?.Invoke(n) ?? n.ToString(CultureInfo.InvariantCulture)),
            });
        }

        await Task.WhenAll(writes);
    }

    /// <summary>The group's committed offset of each partition of the topic.</summary>
    public static IReadOnlyList<long> CommittedOffsets(EmbeddedKafkaBroker broker, int partitions = 4)
    {
        using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig { BootstrapServers = broker.BootstrapServers, GroupId = Group }).Build();
        return consumer.Committed(Enumerable.Range(0, partitions).Select(p => new TopicPartition(Topic, p)), TimeSpan.FromSeconds(10))
            .OrderBy(c => c.Partition.Value)
            .Select(c => c.Offset.Value)
            .ToList();
    }

    /// <summary>The end offset of each partition of the topic.</summary>
    public static IReadOnlyList<long> EndOffsets(EmbeddedKafkaBroker broker, int partitions = 4)
    {
        using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig { BootstrapServers = broker.BootstrapServers, GroupId = "watermarks" }).Build();
        return Enumerable.Range(0, partitions)
            .Select(p => consumer.QueryWatermarkOffsets(new TopicPartition(Topic, p), TimeSpan.FromSeconds(10)).High.Value)
            .ToList();
    }

    public async ValueTask DisposeAsync() => await Cluster.DisposeAsync();
}

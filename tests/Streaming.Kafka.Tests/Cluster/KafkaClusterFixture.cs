using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.TestingHost;
using Streaming.Kafka.Embedded;
using Streaming.Kafka.Hosting;

namespace Streaming.Kafka.Tests.Cluster;

/// <summary>An embedded broker and a two-silo in-process cluster reading one topic through the provider.</summary>
public sealed class KafkaClusterFixture : IAsyncLifetime
{
    public const string Topic = "events";
    public const string Namespace = "events-ns";
    public const string Provider = "kafka";

    public EmbeddedKafkaBroker Broker { get; } = EmbeddedKafkaBroker.Start();

    public DeliveryLog Log { get; } = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton(Log);
            silo.AddKafkaStreams(
                Provider,
                options =>
                {
                    options.BootstrapServers = Broker.BootstrapServers;
                    options.ConsumerGroupId = "cluster-tests";
                    options.AddTopic(Topic, Namespace);
                },
                stream => stream.ConfigureStreamPubSub(Orleans.Streams.StreamPubSubType.ImplicitOnly));
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        Broker.Dispose();
    }
}

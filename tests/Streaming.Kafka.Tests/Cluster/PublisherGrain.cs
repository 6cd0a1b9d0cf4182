using System.Text;
using Orleans.Runtime;
using Streaming.Kafka.Mapping;

namespace Streaming.Kafka.Tests.Cluster;

public interface IPublisherGrain : IGrainWithIntegerKey
{
    Task PublishAsync(string streamKey, string value);
}

/// <summary>Publishes with OnNextAsync from inside the cluster.</summary>
public sealed class PublisherGrain : Grain, IPublisherGrain
{
    public Task PublishAsync(string streamKey, string value) =>
        this.GetStreamProvider(ClusterHarness.Provider)
            .GetStream<KafkaPayload>(StreamId.Create(ClusterHarness.Namespace, streamKey))
            .OnNextAsync(new KafkaPayload(Encoding.UTF8.GetBytes(streamKey), Encoding.UTF8.GetBytes(value), DateTimeOffset.UtcNow));
}

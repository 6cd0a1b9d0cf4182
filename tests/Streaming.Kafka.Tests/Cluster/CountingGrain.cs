using Orleans.Streams;
using Orleans.Streams.Core;
using Streaming.Kafka.Mapping;
using Streaming.Kafka.Providers;

namespace Streaming.Kafka.Tests.Cluster;

public interface ICountingGrain : IGrainWithStringKey;

/// <summary>Records every payload its stream delivers, with the token it came with.</summary>
[ImplicitStreamSubscription(KafkaClusterFixture.Namespace)]
public sealed class CountingGrain(DeliveryLog log) : Grain, ICountingGrain, IStreamSubscriptionObserver
{
    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
    {
        await handleFactory.Create<KafkaPayload>().ResumeAsync((_, token) =>
        {
            log.Add(this.GetPrimaryKeyString(), (KafkaSequenceToken)token!);
            return Task.CompletedTask;
        });
    }
}

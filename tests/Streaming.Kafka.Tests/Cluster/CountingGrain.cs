using Orleans.Streams;
using Orleans.Streams.Core;
using Streaming.Kafka.ExactlyOnce;
using Streaming.Kafka.Mapping;
using Streaming.Kafka.Providers;

namespace Streaming.Kafka.Tests.Cluster;

public interface ICountingGrain : IGrainWithStringKey;

/// <summary>Records every payload its stream delivers, with the token and the preceding offset it came with.</summary>
[ImplicitStreamSubscription(ClusterHarness.Namespace)]
public sealed class CountingGrain(DeliveryLog log) : Grain, ICountingGrain, IStreamSubscriptionObserver
{
    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
    {
        await handleFactory.Create<KafkaPayload>().ResumeAsync((payload, token) =>
        {
            log.Add(this.GetPrimaryKeyString(), (KafkaSequenceToken)token!, Delivery.Text(payload.Value), KafkaDelivery.PrecedingOffset(token));
            return Task.CompletedTask;
        });
    }
}

namespace Retail.Grains.Webhooks;

/// <summary>The durable state of a delivery: when it was written to Kafka.</summary>
[GenerateSerializer]
public sealed record WebhookDeliveryState
{
    [Id(0)]
    public DateTimeOffset? WrittenAt { get; init; }
}

namespace Retail.Grains.Abstractions.Events;

/// <summary>One shopper action on one product variant.</summary>
/// <param name="VariantId">The Shopify variant id.</param>
/// <param name="Activity">The activity, such as <c>contentView</c>; unknown activities are kept as-is.</param>
/// <param name="UserId">The shopper, when known.</param>
/// <param name="Timestamp">When the event entered Kafka; the producer's own <c>time</c> field cannot be trusted.</param>
[GenerateSerializer, Immutable]
public sealed record ClickstreamEvent(
    [property: Id(0)] long VariantId,
    [property: Id(1)] string Activity,
    [property: Id(2)] long? UserId,
    [property: Id(3)] DateTimeOffset Timestamp) : IVariantEvent;

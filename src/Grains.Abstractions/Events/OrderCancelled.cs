namespace Retail.Grains.Abstractions.Events;

/// <summary>A Shopify <c>orders/cancelled</c> for one variant of the order: its sales no longer count.</summary>
[GenerateSerializer, Immutable]
public sealed record OrderCancelled(
    [property: Id(0)] long VariantId,
    [property: Id(1)] long OrderId,
    [property: Id(2)] DateTimeOffset CancelledAt) : IVariantEvent;

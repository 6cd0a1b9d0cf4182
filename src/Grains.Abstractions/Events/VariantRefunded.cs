namespace Retail.Grains.Abstractions.Events;

/// <summary>
/// The refund line items of one Shopify <c>refunds/create</c> for one variant: <paramref name="Quantity"/> units no
/// longer sold, <paramref name="Restocked"/> of them back on hand.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record VariantRefunded(
    [property: Id(0)] long VariantId,
    [property: Id(1)] long OrderId,
    [property: Id(2)] long RefundId,
    [property: Id(3)] long Quantity,
    [property: Id(4)] long Restocked,
    [property: Id(5)] DateTimeOffset RefundedAt) : IVariantEvent;

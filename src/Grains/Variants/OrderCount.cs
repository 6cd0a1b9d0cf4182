using System.Collections.Immutable;

namespace Retail.Grains.Variants;

/// <summary>
/// What one order counts for in a variant's sales: so a re-sent order counts once, a cancellation takes back what it
/// counted, and a refund is taken back once.
/// </summary>
/// <param name="OrderId">The Shopify order.</param>
/// <param name="Units">Units of the variant still counted as sold.</param>
/// <param name="SoldAt">When the order was placed; its units are taken back with the weight they were added with.</param>
/// <param name="Cancelled">Whether the order was cancelled: a late <c>orders/create</c> then counts nothing.</param>
/// <param name="Refunds">The refunds already applied.</param>
/// <param name="Ordered">Whether the order itself was seen; a cancellation or refund can arrive first, on its own topic.</param>
/// <param name="Refunded">Units refunded so far, so an order that arrives after its refund counts only the rest.</param>
[GenerateSerializer, Immutable]
public sealed record OrderCount(
    [property: Id(0)] long OrderId,
    [property: Id(1)] long Units,
    [property: Id(2)] DateTimeOffset SoldAt,
    [property: Id(3)] bool Cancelled,
    [property: Id(4)] ImmutableArray<long> Refunds,
    [property: Id(5)] bool Ordered,
    [property: Id(6)] long Refunded);

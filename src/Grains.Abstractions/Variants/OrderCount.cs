using System.Collections.Immutable;

namespace Retail.Grains.Abstractions.Variants;

/// <summary>
/// What one order counts for in a variant's sales: so a re-sent order counts once, a cancellation takes back what it
/// counted, and a refund is taken back once.
/// </summary>
/// <param name="OrderId">The Shopify order.</param>
/// <param name="Units">Units of the variant still counted as sold.</param>
/// <param name="SoldAt">When the order was placed; its units are taken back with the weight they were added with.</param>
/// <param name="Cancelled">Whether the order was cancelled: a late <c>orders/create</c> then counts nothing.</param>
/// <param name="Refunds">The refunds already applied.</param>
[GenerateSerializer, Immutable]
public sealed record OrderCount(
    [property: Id(0)] long OrderId,
    [property: Id(1)] long Units,
    [property: Id(2)] DateTimeOffset SoldAt,
    [property: Id(3)] bool Cancelled,
    [property: Id(4)] ImmutableArray<long> Refunds);

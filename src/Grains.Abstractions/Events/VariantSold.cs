namespace Retail.Grains.Abstractions.Events;

/// <summary>One line item of a Shopify <c>orders/create</c>: a real sale of <paramref name="Quantity"/> units.</summary>
[GenerateSerializer, Immutable]
public sealed record VariantSold(
    [property: Id(0)] long VariantId,
    [property: Id(1)] long OrderId,
    [property: Id(2)] long Quantity,
    [property: Id(3)] DateTimeOffset SoldAt) : IVariantEvent;

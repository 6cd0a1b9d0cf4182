using System.Collections.Immutable;

namespace Retail.Grains.Abstractions.Events;

/// <summary>A Shopify <c>products/update</c> as a whole, for the product grain.</summary>
[GenerateSerializer, Immutable]
public sealed record ProductUpdated(
    [property: Id(0)] long ProductId,
    [property: Id(1)] string? Title,
    [property: Id(2)] string? Vendor,
    [property: Id(3)] ImmutableArray<long> VariantIds,
    [property: Id(4)] DateTimeOffset UpdatedAt) : IProductEvent;

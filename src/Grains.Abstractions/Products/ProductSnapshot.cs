using System.Collections.Immutable;

namespace Retail.Grains.Abstractions.Products;

/// <summary>A product and the ids of its variants.</summary>
[GenerateSerializer, Immutable]
public sealed record ProductSnapshot(
    [property: Id(0)] long ProductId,
    [property: Id(1)] string? Title,
    [property: Id(2)] string? Vendor,
    [property: Id(3)] ImmutableArray<long> VariantIds,
    [property: Id(4)] DateTimeOffset UpdatedAt);

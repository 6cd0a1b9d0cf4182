using Retail.Grains.Abstractions.Variants;

namespace Retail.Api.Products;

/// <summary>A product with the current state of each of its variants.</summary>
public sealed record ProductResponse(
    long ProductId,
    string? Title,
    string? Vendor,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<VariantSnapshot> Variants);

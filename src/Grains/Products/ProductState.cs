using System.Collections.Immutable;
using Retail.Grains.ExactlyOnce;

namespace Retail.Grains.Products;

/// <summary>The durable state of a product grain.</summary>
[GenerateSerializer]
public sealed record ProductState : IPositionedState<ProductState>
{
    [Id(0)]
    public string? Title { get; init; }

    [Id(1)]
    public string? Vendor { get; init; }

    /// <summary>Every variant the product has had, in the order first seen.</summary>
    [Id(2)]
    public ImmutableArray<long> VariantIds { get; init; } = [];

    [Id(3)]
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>When Shopify deleted the product; <c>null</c> while it exists.</summary>
    [Id(5)]
    public DateTimeOffset? DeletedAt { get; init; }

    /// <inheritdoc/>
    [Id(4)]
    public ImmutableArray<KafkaPosition> Applied { get; init; } = [];

    /// <inheritdoc/>
    public ProductState WithApplied(ImmutableArray<KafkaPosition> applied) =>
        this with { Applied = applied };
}

using System.Collections.Immutable;
using Retail.Grains.Abstractions.Events;

namespace Retail.Grains.Abstractions.Products;

/// <summary>The durable state of a product grain.</summary>
[GenerateSerializer]
public sealed record ProductState
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

    /// <summary>The last applied position per source stream partition.</summary>
    [Id(5)]
    public ImmutableArray<AppliedPosition> Applied { get; init; } = [];

    /// <summary>
    /// <see cref="Applied"/> in the keyed form that versions before the array saved: read and carried into it
    /// when the grain activates, and kept in step with it, so that those versions still read what this one saves.
    /// </summary>
    [Id(4)]
    public ImmutableDictionary<string, SourcePosition>? LegacyApplied { get; init; }
}

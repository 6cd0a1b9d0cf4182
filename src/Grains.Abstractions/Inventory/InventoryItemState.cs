using System.Collections.Immutable;
using Retail.Grains.Abstractions.Events;

namespace Retail.Grains.Abstractions.Inventory;

/// <summary>The durable state of an inventory item grain.</summary>
[GenerateSerializer]
public sealed record InventoryItemState
{
    /// <summary>The variant this item stocks, once a product update has named it.</summary>
    [Id(0)]
    public long? VariantId { get; init; }

    /// <summary>The latest level per location.</summary>
    [Id(1)]
    public ImmutableDictionary<long, InventoryLevelChanged> Levels { get; init; } = ImmutableDictionary<long, InventoryLevelChanged>.Empty;

    /// <summary>Whether the latest levels still have to reach the variant (they arrived before the mapping).</summary>
    [Id(2)]
    public bool Pending { get; init; }

    /// <summary>The last applied position per source stream partition.</summary>
    [Id(4)]
    public ImmutableArray<AppliedPosition> Applied { get; init; } = [];

    /// <summary>
    /// <see cref="Applied"/> in the keyed form that versions before the array saved: read and carried into it
    /// when the grain activates, and kept in step with it, so that those versions still read what this one saves.
    /// </summary>
    [Id(3)]
    public ImmutableDictionary<string, SourcePosition>? LegacyApplied { get; init; }
}

using System.Collections.Immutable;
using Retail.Grains.Abstractions.Events;
using Retail.Grains.ExactlyOnce;

namespace Retail.Grains.Inventory;

/// <summary>The durable state of an inventory item grain.</summary>
[GenerateSerializer]
public sealed record InventoryItemState : IPositionedState<InventoryItemState>
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

    /// <inheritdoc/>
    [Id(3)]
    public ImmutableArray<KafkaPosition> Applied { get; init; } = [];

    /// <inheritdoc/>
    public InventoryItemState WithApplied(ImmutableArray<KafkaPosition> applied) =>
        this with { Applied = applied };
}

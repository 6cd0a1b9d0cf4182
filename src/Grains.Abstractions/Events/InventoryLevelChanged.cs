namespace Retail.Grains.Abstractions.Events;

/// <summary>A Shopify <c>inventory_levels/update</c>: what one location has of one inventory item.</summary>
[GenerateSerializer, Immutable]
public sealed record InventoryLevelChanged(
    [property: Id(0)] long InventoryItemId,
    [property: Id(1)] long LocationId,
    [property: Id(2)] long Available,
    [property: Id(3)] DateTimeOffset UpdatedAt);

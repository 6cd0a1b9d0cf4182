namespace Retail.Grains.Abstractions.Variants;

/// <summary>
/// Demand seen from each source. The same sale may show up as an order and as an inventory decrement,
/// so the forecast takes the strongest source instead of adding them.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SalesSignals(
    [property: Id(0)] DemandHistory Orders,
    [property: Id(1)] DemandHistory InventoryDecrements,
    [property: Id(2)] DemandHistory Purchases)
{
    public static SalesSignals None { get; } = new(DemandHistory.None, DemandHistory.None, DemandHistory.None);
}

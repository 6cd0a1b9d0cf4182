namespace Retail.Grains.Abstractions.Variants;

/// <summary>
/// Sales seen from each source. The same sale may show up as an order and as an inventory decrement,
/// so velocity takes the strongest source instead of adding them.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SalesSignals(
    [property: Id(0)] SalesRate Orders,
    [property: Id(1)] SalesRate InventoryDecrements,
    [property: Id(2)] SalesRate Purchases)
{
    public static SalesSignals None { get; } = new(SalesRate.None, SalesRate.None, SalesRate.None);
}

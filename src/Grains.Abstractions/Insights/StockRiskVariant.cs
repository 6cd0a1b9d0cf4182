using Retail.Grains.Abstractions.Variants;

namespace Retail.Grains.Abstractions.Insights;

/// <summary>
/// A variant that may sell out soon, with <see cref="SellOutProbability"/> the chance it does within the days
/// asked about; <see cref="DaysOfInventory"/> and <see cref="SellThroughDate"/> are the median of <see cref="SellThrough"/>.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record StockRiskVariant(
    [property: Id(0)] long VariantId,
    [property: Id(1)] long? ProductId,
    [property: Id(2)] string? Title,
    [property: Id(3)] string? Sku,
    [property: Id(4)] long? InventoryQuantity,
    [property: Id(5)] double SalesVelocityPerDay,
    [property: Id(6)] double? DaysOfInventory,
    [property: Id(7)] DateOnly? SellThroughDate,
    [property: Id(8)] double SellOutProbability,
    [property: Id(9)] SellThroughRange SellThrough)
{
    /// <summary>The least chance of selling out in time for a variant to be listed.</summary>
    public const double ListedFrom = 0.1;
}

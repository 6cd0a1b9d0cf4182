namespace Retail.Grains.Abstractions.Insights;

/// <summary>A variant expected to sell out soon.</summary>
[GenerateSerializer, Immutable]
public sealed record StockRiskVariant(
    [property: Id(0)] long VariantId,
    [property: Id(1)] long? ProductId,
    [property: Id(2)] string? Title,
    [property: Id(3)] string? Sku,
    [property: Id(4)] long? InventoryQuantity,
    [property: Id(5)] double SalesVelocityPerDay,
    [property: Id(6)] double DaysOfInventory,
    [property: Id(7)] DateOnly? SellThroughDate);

namespace Retail.Grains.Abstractions.Variants;

/// <summary>
/// When a variant is expected to sell out. Days and dates are <c>null</c> while there is no sales signal;
/// <see cref="DaysOfInventory"/> and <see cref="SellThroughDate"/> are the median of <see cref="SellThrough"/>,
/// <see cref="VelocityPerDay"/> the mean units sold per day, and <see cref="Demand"/> what the range comes from,
/// so a reader can ask for other odds or spans.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SellThroughForecast(
    [property: Id(0)] long VariantId,
    [property: Id(1)] long? Quantity,
    [property: Id(2)] double VelocityPerDay,
    [property: Id(3)] double? DaysOfInventory,
    [property: Id(4)] DateOnly? SellThroughDate,
    [property: Id(5)] DateTimeOffset ForecastAt,
    [property: Id(6)] SellThroughRange SellThrough,
    [property: Id(7)] DemandRate Demand);

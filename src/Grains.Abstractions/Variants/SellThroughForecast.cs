namespace Retail.Grains.Abstractions.Variants;

/// <summary>When a variant is expected to sell out. Days and date are <c>null</c> while there is no sales signal.</summary>
[GenerateSerializer, Immutable]
public sealed record SellThroughForecast(
    [property: Id(0)] long VariantId,
    [property: Id(1)] long? Quantity,
    [property: Id(2)] double VelocityPerDay,
    [property: Id(3)] double? DaysOfInventory,
    [property: Id(4)] DateOnly? SellThroughDate,
    [property: Id(5)] DateTimeOffset ForecastAt);

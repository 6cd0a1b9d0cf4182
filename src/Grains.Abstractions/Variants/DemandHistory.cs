namespace Retail.Grains.Abstractions.Variants;

/// <summary>
/// What the demand forecaster keeps of one sales source: smoothed daily statistics, folded a day at a time,
/// and the day still being counted. 48 bytes of fields, whatever the number of sales.
/// </summary>
/// <param name="FirstDay">The UTC day of the first sale; <c>null</c> while nothing sold.</param>
/// <param name="OpenDay">The UTC day whose units are still being counted.</param>
/// <param name="OpenUnits">Units sold so far on <paramref name="OpenDay"/>.</param>
/// <param name="SellingDays">Days folded that had a sale.</param>
/// <param name="Probability">Smoothed share of days with a sale.</param>
/// <param name="LogSize">Smoothed logarithm of the units on a day with a sale, outliers capped.</param>
/// <param name="LogSizeSquare">Smoothed square of that logarithm, for the spread.</param>
[GenerateSerializer, Immutable]
public sealed record DemandHistory(
    [property: Id(0)] DateOnly? FirstDay,
    [property: Id(1)] DateOnly OpenDay,
    [property: Id(2)] double OpenUnits,
    [property: Id(3)] int SellingDays,
    [property: Id(4)] double Probability,
    [property: Id(5)] double LogSize,
    [property: Id(6)] double LogSizeSquare)
{
    /// <summary>No sale seen.</summary>
    public static DemandHistory None { get; } = new(null, default, 0, 0, 0, 0, 0);
}

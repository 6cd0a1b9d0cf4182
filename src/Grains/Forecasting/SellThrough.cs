namespace Retail.Grains.Forecasting;

/// <summary>Days of inventory and the sell-through dates, from quantity on hand and expected demand.</summary>
public static class SellThrough
{
    /// <summary>
    /// The forecast at <paramref name="now"/>. Days and dates are <c>null</c> without a quantity or without any
    /// sales signal; a variant with nothing on hand is sold out today.
    /// </summary>
    public static SellThroughForecast Forecast(long variantId, long? quantity, DemandRate demand, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(demand);
        var range = quantity is { } onHand && (onHand <= 0 || demand.PerDay > 0)
            ? new SellThroughRange(
                DateAfter(demand.DaysUntilSold(onHand, 0.1), now),
                DateAfter(demand.DaysUntilSold(onHand, 0.5), now),
                DateAfter(demand.DaysUntilSold(onHand, 0.9), now),
                demand.DaysUntilSold(onHand, 0.5))
            : SellThroughRange.None;
        return new SellThroughForecast(variantId, quantity, demand.PerDay, range.DaysOfInventoryP50, range.P50Date, now, range, demand);
    }

    /// <summary>Whether a forecast says something different enough to publish: quantity, a date of the range, or having one at all.</summary>
    public static bool Differs(SellThroughForecast? before, SellThroughForecast after)
    {
        ArgumentNullException.ThrowIfNull(after);
        if (before is null)
        {
            // Nothing to say until the quantity on hand is known.
            return after.Quantity is not null;
        }

        return before.Quantity != after.Quantity
            || before.SellThrough.P10Date != after.SellThrough.P10Date
            || before.SellThrough.P50Date != after.SellThrough.P50Date
            || before.SellThrough.P90Date != after.SellThrough.P90Date
            || (before.DaysOfInventory is null) != (after.DaysOfInventory is null);
    }

    private static DateOnly? DateAfter(double? days, DateTimeOffset now) =>
        days is { } d ? DateOnly.FromDateTime((now + TimeSpan.FromDays(d)).UtcDateTime) : null;
}

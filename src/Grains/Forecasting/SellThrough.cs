namespace Retail.Grains.Forecasting;

/// <summary>Days of inventory and the sell-through date, from quantity on hand and velocity.</summary>
public static class SellThrough
{
    /// <summary>
    /// The forecast at <paramref name="now"/>. Days and date are <c>null</c> without a quantity or without any
    /// sales signal; a variant with nothing on hand is sold out today.
    /// </summary>
    public static SellThroughForecast Forecast(long variantId, long? quantity, double velocityPerDay, DateTimeOffset now)
    {
        double? days = (quantity, velocityPerDay) switch
        {
            (null, _) => null,
            (<= 0, _) => 0,
            (_, <= 0) => null,
            ({ } onHand, var velocity) => onHand / velocity,
        };
        var date = days is { } d && d < 36_500
            ? DateOnly.FromDateTime((now + TimeSpan.FromDays(d)).UtcDateTime)
            : (DateOnly?)null;
        return new SellThroughForecast(variantId, quantity, velocityPerDay, days is { } value && value < 36_500 ? value : null, date, now);
    }

    /// <summary>Whether a forecast says something different enough to publish: quantity, date, or having one at all.</summary>
    public static bool Differs(SellThroughForecast? before, SellThroughForecast after)
    {
        ArgumentNullException.ThrowIfNull(after);
        if (before is null)
        {
            // Nothing to say until the quantity on hand is known.
            return after.Quantity is not null;
        }

        return before.Quantity != after.Quantity
            || before.SellThroughDate != after.SellThroughDate
            || (before.DaysOfInventory is null) != (after.DaysOfInventory is null);
    }
}

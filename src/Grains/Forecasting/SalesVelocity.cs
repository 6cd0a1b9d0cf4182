namespace Retail.Grains.Forecasting;

/// <summary>Smoothed sales rates: an exponentially decayed count of units per source.</summary>
public static class SalesVelocity
{
    /// <summary>The rate after <paramref name="units"/> more units sold at <paramref name="at"/>.</summary>
    public static SalesRate Record(this SalesRate rate, double units, DateTimeOffset at, ForecastingOptions options)
    {
        ArgumentNullException.ThrowIfNull(rate);
        ArgumentNullException.ThrowIfNull(options);
        if (units <= 0)
        {
            return rate;
        }

        if (rate.LastAt is not { } last)
        {
            return new SalesRate(units, at, at);
        }

        // A sale older than the last one is added with its own, larger, decay.
        var decayed = at >= last ? Decay(rate.DecayedUnits, at - last, options) + units : rate.DecayedUnits + Decay(units, last - at, options);
        var first = rate.FirstAt is { } f && f < at ? f : at;
        return new SalesRate(decayed, at >= last ? at : last, first);
    }

    /// <summary>
    /// The rate without <paramref name="units"/> sold at <paramref name="soldAt"/>, which a cancellation or refund takes
    /// back: they are removed with the weight they were added with, never below none.
    /// </summary>
    public static SalesRate Remove(this SalesRate rate, double units, DateTimeOffset soldAt, ForecastingOptions options)
    {
        ArgumentNullException.ThrowIfNull(rate);
        ArgumentNullException.ThrowIfNull(options);
        if (units <= 0 || rate.LastAt is not { } last)
        {
            return rate;
        }

        var weight = soldAt < last ? Decay(units, last - soldAt, options) : units;
        return rate with { DecayedUnits = Math.Max(0, rate.DecayedUnits - weight) };
    }

    /// <summary>Units per day at <paramref name="now"/>; 0 with no sales.</summary>
    public static double PerDay(this SalesRate rate, DateTimeOffset now, ForecastingOptions options)
    {
        ArgumentNullException.ThrowIfNull(rate);
        ArgumentNullException.ThrowIfNull(options);
        if (rate.LastAt is not { } last || rate.FirstAt is not { } first || rate.DecayedUnits <= 0)
        {
            return 0;
        }

        var units = Decay(rate.DecayedUnits, now > last ? now - last : TimeSpan.Zero, options);
        var history = now - first;
        if (history < options.MinimumHistory)
        {
            history = options.MinimumHistory;
        }

        // The weight a constant rate would have built up over the history seen so far.
        var tau = options.SmoothingWindow.TotalDays;
        var effectiveDays = tau * (1 - Math.Exp(-history.TotalDays / tau));
        return units / effectiveDays;
    }

    /// <summary>The strongest of the sources: the same sale may be seen as an order and as a decrement.</summary>
    public static double PerDay(this SalesSignals signals, DateTimeOffset now, ForecastingOptions options)
    {
        ArgumentNullException.ThrowIfNull(signals);
        return Math.Max(
            signals.Orders.PerDay(now, options),
            Math.Max(signals.InventoryDecrements.PerDay(now, options), signals.Purchases.PerDay(now, options)));
    }

    private static double Decay(double units, TimeSpan elapsed, ForecastingOptions options) =>
        units * Math.Exp(-elapsed.TotalDays / options.SmoothingWindow.TotalDays);
}

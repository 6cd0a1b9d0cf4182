namespace Retail.Grains.Forecasting;

/// <summary>The seed service's predict formula, reproduced exactly.</summary>
public static class SeedForecasting
{
    /// <summary>
    /// Average daily sales = sales / days; days on hand = quantity / average; the date is now plus those days
    /// and the days on hand are truncated to an integer, as Python's <c>int()</c> does.
    /// </summary>
    public static SeedForecast Predict(double totalSales, double totalDays, double quantityOnHand, DateTimeOffset now)
    {
        if (!(totalSales > 0) || !(totalDays > 0) || !(quantityOnHand >= 0) || !double.IsFinite(totalSales) || !double.IsFinite(totalDays) || !double.IsFinite(quantityOnHand))
        {
            throw new ArgumentException("total_sales and total_days must be positive and quantity_on_hand must not be negative.");
        }

        var averageDailySales = totalSales / totalDays;
        var days = quantityOnHand / averageDailySales;
        if (days > 36_500)
        {
            throw new ArgumentException("The forecast is more than a century away; check the inputs.");
        }

        return new SeedForecast(DateOnly.FromDateTime((now + TimeSpan.FromDays(days)).UtcDateTime), (int)Math.Truncate(days));
    }
}

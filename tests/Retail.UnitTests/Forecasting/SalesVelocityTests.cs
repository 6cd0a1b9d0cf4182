using Retail.Grains.Abstractions.Variants;
using Retail.Grains.Forecasting;

namespace Retail.UnitTests.Forecasting;

public class SalesVelocityTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly ForecastingOptions Options = new();

    [Fact]
    public void No_sales_is_no_velocity()
    {
        Assert.Equal(0, SalesRate.None.PerDay(Start, Options));
        Assert.Equal(0, SalesSignals.None.PerDay(Start, Options));
    }

    [Fact]
    public void A_steady_rate_is_measured_as_that_rate()
    {
        var rate = SalesRate.None;
        for (var day = 0; day < 60; day++)
        {
            rate = rate.Record(10, Start.AddDays(day), Options);
        }

        // Half a day after the last sale, so the newest sale is not counted at full weight.
        Assert.InRange(rate.PerDay(Start.AddDays(59.5), Options), 9.5, 10.5);
    }

    [Fact]
    public void Old_sales_fade()
    {
        var rate = SalesRate.None.Record(100, Start, Options).Record(100, Start.AddDays(1), Options);

        var soon = rate.PerDay(Start.AddDays(2), Options);
        var later = rate.PerDay(Start.AddDays(30), Options);

        Assert.True(later < soon / 5, $"{later} should be far below {soon}");
    }

    [Fact]
    public void One_early_sale_is_spread_over_the_minimum_history()
    {
        var rate = SalesRate.None.Record(1, Start, Options);

        // One unit over the first hour is about 24 a day, not infinity.
        Assert.InRange(rate.PerDay(Start.AddMinutes(1), Options), 23.5, 24.1);
    }

    [Fact]
    public void The_same_sales_seen_as_orders_and_as_decrements_count_once()
    {
        var orders = SalesRate.None.Record(5, Start, Options).Record(5, Start.AddHours(12), Options);
        var both = new SalesSignals(orders, orders, SalesRate.None);
        var onlyOrders = SalesSignals.None with { Orders = orders };

        Assert.Equal(onlyOrders.PerDay(Start.AddDays(1), Options), both.PerDay(Start.AddDays(1), Options));
    }

    [Fact]
    public void Sell_through_is_unknown_without_a_sales_signal_and_today_when_sold_out()
    {
        Assert.Null(SellThrough.Forecast(1, 50, 0, Start).SellThroughDate);
        Assert.Null(SellThrough.Forecast(1, null, 10, Start).DaysOfInventory);
        Assert.Equal((0.0, DateOnly.FromDateTime(Start.UtcDateTime)), (SellThrough.Forecast(1, 0, 0, Start).DaysOfInventory!.Value, SellThrough.Forecast(1, 0, 0, Start).SellThroughDate!.Value));
        Assert.Equal((5.0, new DateOnly(2026, 11, 6)), (SellThrough.Forecast(1, 50, 10, Start).DaysOfInventory!.Value, SellThrough.Forecast(1, 50, 10, Start).SellThroughDate!.Value));
    }
}

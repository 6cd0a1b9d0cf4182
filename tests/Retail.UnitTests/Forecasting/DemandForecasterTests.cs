using Retail.Grains.Abstractions.Variants;
using Retail.Grains.Forecasting;

namespace Retail.UnitTests.Forecasting;

public class DemandForecasterTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly DemandForecaster Forecaster = new(new ForecastingOptions());

    /// <summary><paramref name="units"/> on each of <paramref name="days"/> days from <see cref="Start"/>, every <paramref name="every"/> days.</summary>
    private static DemandHistory Daily(int days, Func<int, double> units, int every = 1, DemandHistory? from = null, int offset = 0)
    {
        var history = from ?? DemandHistory.None;
        for (var day = 0; day < days; day += every)
        {
            history = Forecaster.Record(history, units(day), Start.AddDays(offset + day));
        }

        return history;
    }

    [Fact]
    public void No_sales_is_no_demand()
    {
        var demand = Forecaster.Outlook(DemandHistory.None, Start);

        Assert.Equal(DemandRate.None, demand);
        Assert.Equal(0, demand.Quantile(14, 0.9));
        Assert.Null(demand.DaysUntilSold(10, 0.5));
    }

    [Fact]
    public void A_steady_seller_is_forecast_near_its_rate_with_a_range_around_it()
    {
        var history = Daily(120, _ => 10);

        var demand = Forecaster.Outlook(history, Start.AddDays(120));

        Assert.InRange(demand.PerDay, 9, 11);
        var (p10, p50, p90) = (demand.Quantile(14, 0.1), demand.Quantile(14, 0.5), demand.Quantile(14, 0.9));
        Assert.InRange(p50, 125, 155);
        Assert.True(p10 < p50 && p50 < p90, $"{p10} < {p50} < {p90}");
        Assert.InRange(p90, 150, 220);
    }

    [Fact]
    public void Intermittent_demand_is_its_average_over_time_and_often_nothing_in_a_day()
    {
        // 20 units every fifth day: 4 a day on average.
        var history = Daily(200, _ => 20, every: 5);

        var demand = Forecaster.Outlook(history, Start.AddDays(200));

        Assert.InRange(demand.PerDay, 3, 5);
        Assert.Equal(0, demand.Quantile(1, 0.5));
        Assert.InRange(demand.Quantile(28, 0.5), 70, 130);
    }

    [Fact]
    public void One_huge_order_barely_moves_a_steady_sellers_forecast()
    {
        var steady = Daily(60, _ => 10);
        var spiked = Forecaster.Record(steady, 1_000_000_000, Start.AddDays(60));
        var after = Daily(1, _ => 10, from: spiked, offset: 61);

        var demand = Forecaster.Outlook(after, Start.AddDays(62));

        Assert.InRange(demand.PerDay, 9, 30);
        Assert.InRange(demand.Quantile(14, 0.5), 120, 400);
    }

    [Fact]
    public void A_huge_first_order_is_not_taken_for_the_norm()
    {
        var history = Forecaster.Record(DemandHistory.None, 1_000_000_000, Start);

        var demand = Forecaster.Outlook(history, Start.AddDays(1));

        Assert.InRange(demand.PerDay, 0.1, 100);
    }

    [Fact]
    public void A_ramp_is_followed()
    {
        // From 5 a day up to 50 a day over 90 days.
        var history = Daily(90, day => 5 + (day * 0.5));

        var demand = Forecaster.Outlook(history, Start.AddDays(90));

        Assert.InRange(demand.PerDay, 35, 60);
    }

    [Fact]
    public void A_stale_item_fades()
    {
        var history = Daily(60, _ => 10);

        var fresh = Forecaster.Outlook(history, Start.AddDays(60));
        var stale = Forecaster.Outlook(history, Start.AddDays(120));

        // Each day without a sale takes 3.5% off the chance of one: 60 days leave about an eighth.
        Assert.InRange(stale.PerDay / fresh.PerDay, 0.1, 0.14);
        Assert.True(stale.Quantile(14, 0.5) < fresh.Quantile(14, 0.5) / 4);
    }

    [Fact]
    public void Days_out_of_stock_are_not_days_without_demand()
    {
        var history = Daily(60, _ => 10);
        var before = Forecaster.Outlook(history, Start.AddDays(60));

        // Sold out at the end of day 59, back in stock 30 days later.
        var skipped = Forecaster.Skip(history, Start.AddDays(59).AddHours(5), Start.AddDays(90));

        Assert.Equal(DateOnly.FromDateTime(Start.AddDays(90).UtcDateTime), skipped.OpenDay);
        Assert.InRange(Forecaster.Outlook(skipped, Start.AddDays(90)).PerDay / before.PerDay, 0.95, 1.0);
        Assert.InRange(Forecaster.Outlook(history, Start.AddDays(90)).PerDay / before.PerDay, 0.3, 0.4);
        // A stock-out within one day, or before what is already counted, leaves nothing to skip.
        Assert.Same(history, Forecaster.Skip(history, Start.AddDays(59), Start.AddDays(59).AddHours(2)));
        Assert.Same(DemandHistory.None, Forecaster.Skip(DemandHistory.None, Start, Start.AddDays(5)));
    }

    [Fact]
    public void Sales_of_one_day_count_as_one_day_whatever_their_order()
    {
        var inOrder = Daily(10, _ => 10);
        inOrder = Forecaster.Record(inOrder, 4, Start.AddDays(10));
        inOrder = Forecaster.Record(inOrder, 6, Start.AddDays(10).AddHours(3));
        var late = Daily(10, _ => 10);
        late = Forecaster.Record(late, 6, Start.AddDays(10).AddHours(3));
        // Dated a day earlier, but that day is folded already: it joins the day being counted.
        late = Forecaster.Record(late, 4, Start.AddDays(9));

        Assert.Equal(inOrder, late);
        Assert.Equal(10, late.OpenUnits);
    }

    [Fact]
    public void The_strongest_source_counts_and_sources_are_not_added()
    {
        var orders = Daily(30, _ => 10);
        var decrements = Daily(30, _ => 6);
        var signals = new SalesSignals(orders, decrements, DemandHistory.None);

        var demand = Forecaster.Outlook(signals, Start.AddDays(30));

        Assert.Equal(Forecaster.Outlook(orders, Start.AddDays(30)), demand);
    }

    [Fact]
    public void Quantiles_grow_with_the_horizon_and_the_probability()
    {
        var demand = Forecaster.Outlook(Daily(90, day => day % 3 == 0 ? 12 : 2), Start.AddDays(90));

        for (var days = 1; days < 28; days++)
        {
            Assert.True(demand.Quantile(days, 0.5) <= demand.Quantile(days + 1, 0.5), $"p50 at {days} days");
            Assert.True(demand.Quantile(days, 0.5) <= demand.Quantile(days, 0.9), $"p50 <= p90 at {days} days");
            Assert.True(demand.Quantile(days, 0.1) <= demand.Quantile(days, 0.5), $"p10 <= p50 at {days} days");
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => demand.Quantile(14, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => demand.Quantile(0, 0.5));
    }

    [Fact]
    public void Sell_out_days_bracket_quantity_over_rate()
    {
        var demand = Forecaster.Outlook(Daily(120, _ => 10), Start.AddDays(120));

        var (p10, p50, p90) = (demand.DaysUntilSold(100, 0.1)!.Value, demand.DaysUntilSold(100, 0.5)!.Value, demand.DaysUntilSold(100, 0.9)!.Value);

        Assert.InRange(p50, 9, 11);
        Assert.True(p10 < p50 && p50 < p90, $"{p10} < {p50} < {p90}");
        Assert.Equal(0, demand.DaysUntilSold(0, 0.5));
        Assert.InRange(demand.ProbabilityAtLeast(100, p50), 0.5, 0.52);
    }

    [Fact]
    public void Options_out_of_range_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new DemandForecaster(new ForecastingOptions { ProbabilitySmoothing = 0 }));
        Assert.Throws<ArgumentException>(() => new DemandForecaster(new ForecastingOptions { OutlierCap = 1 }));
    }
}

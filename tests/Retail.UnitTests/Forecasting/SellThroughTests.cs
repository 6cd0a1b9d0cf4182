using Retail.Grains.Abstractions.Variants;
using Retail.Grains.Forecasting;

namespace Retail.UnitTests.Forecasting;

public class SellThroughTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
    private static readonly DemandRate TenADay = new(10, 10, 0.3);

    [Fact]
    public void The_range_brackets_the_median_which_is_also_the_single_date()
    {
        var forecast = SellThrough.Forecast(7, 100, TenADay, Now);

        var range = forecast.SellThrough;
        Assert.InRange(range.DaysOfInventoryP50!.Value, 9, 11);
        Assert.Equal((forecast.DaysOfInventory, forecast.SellThroughDate), (range.DaysOfInventoryP50, range.P50Date));
        Assert.True(range.P10Date < range.P50Date && range.P50Date < range.P90Date, $"{range}");
        Assert.Equal((10.0, TenADay), (forecast.VelocityPerDay, forecast.Demand));
    }

    [Fact]
    public void Nothing_on_hand_is_sold_out_today_and_no_quantity_or_no_demand_is_no_date()
    {
        var today = DateOnly.FromDateTime(Now.UtcDateTime);

        Assert.Equal(new SellThroughRange(today, today, today, 0), SellThrough.Forecast(7, 0, DemandRate.None, Now).SellThrough);
        Assert.Equal(SellThroughRange.None, SellThrough.Forecast(7, null, TenADay, Now).SellThrough);
        Assert.Equal(SellThroughRange.None, SellThrough.Forecast(7, 50, DemandRate.None, Now).SellThrough);
    }

    [Fact]
    public void A_change_of_any_date_of_the_range_is_worth_publishing()
    {
        var before = SellThrough.Forecast(7, 100, TenADay, Now);
        var wider = before with { SellThrough = before.SellThrough with { P90Date = before.SellThrough.P90Date!.Value.AddDays(3) } };

        Assert.False(SellThrough.Differs(before, before with { ForecastAt = Now.AddMinutes(1) }));
        Assert.True(SellThrough.Differs(before, wider));
        Assert.True(SellThrough.Differs(null, before));
    }
}

using Retail.Grains.Forecasting;

namespace Retail.UnitTests.Forecasting;

public class SeedForecastingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Reproduces_the_seed_example()
    {
        // 453 sales over 32 days is 14.156 a day; 98 on hand last 6.92 days.
        var forecast = SeedForecasting.Predict(453, 32, 98, Now);

        Assert.Equal(6, forecast.InventoryDaysOnHand);
        Assert.Equal(new DateOnly(2026, 12, 1), forecast.SellThroughDate);
    }

    [Fact]
    public void The_date_rolls_over_midnight_like_the_seed_does()
    {
        // 6.92 days after 22:00 is past midnight of the 7th day.
        Assert.Equal(new DateOnly(2026, 12, 1), SeedForecasting.Predict(453, 32, 98, new DateTimeOffset(2026, 11, 24, 22, 0, 0, TimeSpan.Zero)).SellThroughDate);
        Assert.Equal(new DateOnly(2026, 11, 30), SeedForecasting.Predict(453, 32, 98, new DateTimeOffset(2026, 11, 23, 22, 0, 0, TimeSpan.Zero)).SellThroughDate);
    }

    [Theory]
    [InlineData(0, 32, 98)]
    [InlineData(453, 0, 98)]
    [InlineData(453, 32, -1)]
    [InlineData(double.NaN, 32, 98)]
    [InlineData(1, 1, 1e9)]
    public void Rejects_inputs_the_seed_would_crash_on(double sales, double days, double onHand)
    {
        Assert.Throws<ArgumentException>(() => SeedForecasting.Predict(sales, days, onHand, Now));
    }
}

using Retail.Grains.Abstractions.Variants;
using Retail.Grains.Pricing;

namespace Retail.UnitTests.Pricing;

public class SeedPricingPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static PricingInput Input(decimal basePrice, long views, decimal? current = null) =>
        new(1, basePrice, current, null, ActivityCounts.None with { ContentView = views }, 0, 0, 0, null, Now);

    [Theory]
    [InlineData("19.99", 0, "20.19")] // 20.1899 rounds to 20.19
    [InlineData("19.99", 3, "20.19")]
    [InlineData("19.99", 4, "21.99")] // 21.989
    [InlineData("100", 4, "110.00")]
    [InlineData("0.05", 10, "0.06")] // 0.055 rounds half away from zero
    public void Applies_the_seed_rule_rounded_to_cents(string basePrice, long views, string expected)
    {
        var decision = new SeedPricingPolicy().Decide(Input(decimal.Parse(basePrice, System.Globalization.CultureInfo.InvariantCulture), views));

        Assert.NotNull(decision);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), decision.NewPrice);
        Assert.Equal("seed", decision.Policy);
        Assert.Equal(Now, decision.DecidedAt);
    }

    [Fact]
    public void Makes_no_decision_when_the_price_would_not_change()
    {
        Assert.Null(new SeedPricingPolicy().Decide(Input(19.99m, 5, current: 21.99m)));
    }

    [Fact]
    public void Moves_from_the_low_to_the_high_price_when_the_fourth_view_arrives()
    {
        var decision = new SeedPricingPolicy().Decide(Input(10m, 4, current: 10.10m));

        Assert.Equal((10.10m, 11.00m), (decision!.OldPrice, decision.NewPrice));
        Assert.Contains("4 content views > 3", decision.Reason, StringComparison.Ordinal);
    }
}

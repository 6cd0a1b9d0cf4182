using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Retail.Grains.Abstractions.Variants;
using Retail.Grains.Pricing;

namespace Retail.UnitTests.Pricing;

public class DemandPricingPolicyTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));

    private static DemandPricingPolicy Policy(Action<DemandPricingOptions>? configure = null)
    {
        var options = new DemandPricingOptions();
        configure?.Invoke(options);
        return new DemandPricingPolicy(Options.Create(options));
    }

    private PricingInput Input(decimal? current, long views = 20, long carts = 0, long purchases = 0, double? days = null, DateTimeOffset? lastChange = null) =>
        new(7, 100m, current, lastChange, ActivityCounts.None, views, carts, purchases, days, _time.GetUtcNow());

    [Fact]
    public void The_first_price_is_the_shopify_price()
    {
        var decision = Policy().Decide(Input(current: null));

        Assert.Equal((null, 100m), (decision!.OldPrice, decision.NewPrice));
        Assert.Equal("default", decision.Policy);
    }

    [Fact]
    public void Ordinary_demand_and_no_sales_signal_keep_the_price()
    {
        Assert.Null(Policy().Decide(Input(current: 100m, views: 20)));
    }

    [Fact]
    public void High_demand_raises_the_price_by_at_most_one_step()
    {
        var decision = Policy().Decide(Input(current: 100m, views: 400, carts: 100, purchases: 50, days: 2));

        Assert.Equal(105m, decision!.NewPrice);
    }

    [Fact]
    public void No_demand_and_a_glut_lower_the_price_by_at_most_one_step()
    {
        var decision = Policy().Decide(Input(current: 100m, views: 0, days: 365));

        Assert.Equal(95m, decision!.NewPrice);
    }

    [Fact]
    public void The_price_never_goes_above_the_ceiling()
    {
        // Strong weights, so that demand and stock alone would take the price far past the ceiling.
        var policy = Policy(o => (o.DemandWeight, o.StockWeight) = (0.5m, 0.5m));
        var price = 100m;
        for (var i = 0; i < 20; i++)
        {
            _time.Advance(TimeSpan.FromMinutes(5));
            price = policy.Decide(Input(current: price, views: 10_000, carts: 5_000, purchases: 5_000, days: 0.1))?.NewPrice ?? price;
        }

        Assert.Equal(125m, price);
    }

    [Fact]
    public void The_price_never_goes_below_the_floor()
    {
        var policy = Policy(o => (o.DemandWeight, o.StockWeight) = (0.5m, 0.5m));
        var price = 100m;
        for (var i = 0; i < 20; i++)
        {
            _time.Advance(TimeSpan.FromMinutes(5));
            price = policy.Decide(Input(current: price, views: 0, days: 10_000))?.NewPrice ?? price;
        }

        Assert.Equal(80m, price);
    }

    [Fact]
    public void No_change_within_the_minimum_interval_of_the_last_one()
    {
        var policy = Policy(o => o.MinInterval = TimeSpan.FromMinutes(10));
        var lastChange = _time.GetUtcNow();

        _time.Advance(TimeSpan.FromMinutes(9));
        Assert.Null(policy.Decide(Input(current: 100m, views: 400, days: 2, lastChange: lastChange)));

        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(105m, policy.Decide(Input(current: 100m, views: 400, days: 2, lastChange: lastChange))!.NewPrice);
    }

    [Fact]
    public void A_price_left_outside_the_guardrails_by_a_base_change_comes_back_at_once()
    {
        // The base was 200 and the price 210; the base is now 100, so 210 is above the 125 ceiling.
        var decision = Policy().Decide(Input(current: 210m, lastChange: _time.GetUtcNow()));

        Assert.Equal(125m, decision!.NewPrice);
    }

    [Fact]
    public void Prices_are_rounded_to_cents()
    {
        var decision = new DemandPricingPolicy(Options.Create(new DemandPricingOptions())).Decide(
            new PricingInput(7, 19.99m, 19.99m, null, ActivityCounts.None, 400, 0, 0, 3, _time.GetUtcNow()));

        Assert.Equal(decimal.Round(decision!.NewPrice, 2), decision.NewPrice);
        Assert.Equal(20.99m, decision.NewPrice); // one step of 5% of 19.99 is 1.00
    }
}

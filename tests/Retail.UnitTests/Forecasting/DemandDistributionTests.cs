using Retail.Grains.Abstractions.Variants;
using Retail.Grains.Forecasting;

namespace Retail.UnitTests.Forecasting;

public class DemandDistributionTests
{
    [Fact]
    public void Without_extra_spread_the_count_is_poisson()
    {
        // Poisson(3): P(X <= 2) = 0.423, P(X <= 3) = 0.647, P(X <= 4) = 0.815, P(X <= 5) = 0.916.
        var demand = new DemandRate(3, 0, 0);

        Assert.Equal(3, demand.Quantile(1, 0.5));
        Assert.Equal(5, demand.Quantile(1, 0.9));
        Assert.Equal(1 - 0.6472, demand.ProbabilityAtLeast(4, 1), precision: 3);
    }

    [Fact]
    public void A_wider_count_is_negative_binomial()
    {
        // Mean 4, variance 12: size 2, success 1/3. P(X = 0) = 1/9, so P(X >= 1) = 8/9.
        var demand = new DemandRate(4, 12, 0);

        Assert.Equal(8.0 / 9, demand.ProbabilityAtLeast(1, 1), precision: 9);
        // P(X <= 2) = 1/9 + 4/27 + 4/27 = 0.407; P(X <= 3) = 0.407 + 32/243 = 0.539.
        Assert.Equal(3, demand.Quantile(1, 0.5));
    }

    [Fact]
    public void Large_counts_use_the_normal_shape_around_the_mean()
    {
        var demand = new DemandRate(5_000, 5_000, 0);

        Assert.InRange(demand.Quantile(1, 0.5), 4_998, 5_002);
        // Mean plus 1.2816 standard deviations of 70.7.
        Assert.InRange(demand.Quantile(1, 0.9), 5_085, 5_097);
        Assert.InRange(demand.ProbabilityAtLeast(5_000, 1), 0.49, 0.51);
    }

    [Fact]
    public void The_rates_own_uncertainty_widens_long_spans()
    {
        var sure = new DemandRate(10, 10, 0);
        var unsure = new DemandRate(10, 10, 0.3);

        Assert.True(unsure.Quantile(28, 0.9) - unsure.Quantile(28, 0.5) > 2 * (sure.Quantile(28, 0.9) - sure.Quantile(28, 0.5)));
    }
}

namespace Retail.Grains.Forecasting;

/// <summary>
/// Units sold over a span, from a <see cref="DemandRate"/>: a negative binomial with the rate's mean and
/// variance (Poisson when no wider), so quantiles and sell-out chances are those of a count.
/// </summary>
public static class DemandDistribution
{
    /// <summary>The longest span a sell-out is looked for: beyond it the date says nothing.</summary>
    public const double MaxDays = 36_500;

    /// <summary>The units sold over <paramref name="days"/> that the given share of outcomes stays at or below.</summary>
    public static double Quantile(this DemandRate demand, double days, double probability)
    {
        ArgumentNullException.ThrowIfNull(demand);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(days);
        if (!(probability is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "A quantile's probability is between 0 and 1.");
        }

        return Over(demand, days).Quantile(probability);
    }

    /// <summary>The chance that at least <paramref name="units"/> sell within <paramref name="days"/>.</summary>
    public static double ProbabilityAtLeast(this DemandRate demand, double units, double days)
    {
        ArgumentNullException.ThrowIfNull(demand);
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        if (units <= 0)
        {
            return 1;
        }

        return days == 0 ? 0 : 1 - Over(demand, days).CumulativeBelow(units);
    }

    /// <summary>
    /// The days until <paramref name="quantity"/> has sold with the given chance: at 0.5 the median sell-out.
    /// <c>null</c> without demand or beyond <see cref="MaxDays"/>.
    /// </summary>
    public static double? DaysUntilSold(this DemandRate demand, double quantity, double probability)
    {
        ArgumentNullException.ThrowIfNull(demand);
        if (quantity <= 0)
        {
            return 0;
        }

        if (demand.PerDay <= 0 || demand.ProbabilityAtLeast(quantity, MaxDays) < probability)
        {
            return null;
        }

        // The chance grows with the span: halve the interval until it is finer than ten minutes.
        double low = 0, high = MaxDays;
        while (high - low > 1.0 / 144)
        {
            var mid = (low + high) / 2;
            if (demand.ProbabilityAtLeast(quantity, mid) >= probability)
            {
                high = mid;
            }
            else
            {
                low = mid;
            }
        }

        return high;
    }

    private static CountDistribution Over(DemandRate demand, double days)
    {
        var mean = demand.PerDay * days;
        var spread = demand.Uncertainty * mean;
        return new CountDistribution(mean, Math.Max(mean, (demand.DailyVariance * days) + (spread * spread)));
    }
}

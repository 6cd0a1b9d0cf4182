namespace Retail.Grains.Forecasting;

/// <summary>
/// A count with a given mean and variance: negative binomial when the variance exceeds the mean, else Poisson.
/// Summed exactly while the counts involved are small; for large counts a gamma with the same two moments,
/// through the Wilson-Hilferty cube-root normal approximation, which is close there and costs nothing.
/// </summary>
internal readonly record struct CountDistribution(double Mean, double Variance)
{
    private const int ExactLimit = 4_000;

    /// <summary>P(X &lt; <paramref name="units"/>).</summary>
    public double CumulativeBelow(double units)
    {
        if (Mean <= 0)
        {
            return units > 0 ? 1 : 0;
        }

        var below = (int)Math.Ceiling(units) - 1;
        if (below < 0)
        {
            return 0;
        }

        if (IsExact(below))
        {
            var sum = 0.0;
            foreach (var p in Probabilities(below))
            {
                sum += p;
            }

            return Math.Min(1, sum);
        }

        return GammaCumulative(below + 0.5);
    }

    /// <summary>The smallest count whose cumulative probability reaches <paramref name="probability"/>.</summary>
    public double Quantile(double probability)
    {
        if (Mean <= 0)
        {
            return 0;
        }

        var reach = (int)Math.Min(ExactLimit, Mean + (10 * Math.Sqrt(Variance)) + 10);
        if (IsExact(reach))
        {
            var sum = 0.0;
            var k = 0;
            foreach (var p in Probabilities(reach))
            {
                sum += p;
                if (sum >= probability)
                {
                    return k;
                }

                k++;
            }
        }

        var shape = Mean * Mean / Variance;
        var third = 1.0 / (9 * shape);
        var root = 1 - third + (Normal.Quantile(probability) * Math.Sqrt(third));
        return Math.Max(0, Math.Round(Mean * root * root * root));
    }

    private bool IsExact(int upTo) => upTo <= ExactLimit && LogZero() > -600;

    /// <summary>P(X = 0), in logs: the start of the recursion, which must not underflow.</summary>
    private double LogZero()
    {
        var excess = Variance - Mean;
        if (excess <= Mean * 1e-9)
        {
            return -Mean;
        }

        var size = Mean * Mean / excess;
        return -size * Math.Log(1 + (Mean / size));
    }

    /// <summary>P(X = 0) to P(X = <paramref name="upTo"/>), each from the one before.</summary>
    private IEnumerable<double> Probabilities(int upTo)
    {
        var excess = Variance - Mean;
        var poisson = excess <= Mean * 1e-9;
        var size = poisson ? 0 : Mean * Mean / excess;
        var odds = poisson ? 0 : Mean / (size + Mean);
        var p = Math.Exp(LogZero());
        for (var k = 0; k <= upTo; k++)
        {
            yield return p;
            p *= poisson ? Mean / (k + 1) : (k + size) / (k + 1) * odds;
        }
    }

    private double GammaCumulative(double x)
    {
        var shape = Mean * Mean / Variance;
        var third = 1.0 / (9 * shape);
        return Normal.Cumulative((Math.Cbrt(x / Mean) - (1 - third)) / Math.Sqrt(third));
    }
}

namespace Retail.Grains.Forecasting;

/// <summary>The standard normal distribution's cumulative function and its inverse.</summary>
internal static class Normal
{
    /// <summary>P(Z &lt;= <paramref name="z"/>).</summary>
    public static double Cumulative(double z) => 0.5 * Erfc(-z / Math.Sqrt(2));

    /// <summary>The z with P(Z &lt;= z) = <paramref name="probability"/>, by bisection: it is needed rarely.</summary>
    public static double Quantile(double probability)
    {
        double low = -12, high = 12;
        for (var i = 0; i < 80; i++)
        {
            var mid = (low + high) / 2;
            if (Cumulative(mid) < probability)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return (low + high) / 2;
    }

    /// <summary>The complementary error function, by a Chebyshev fit with relative error below 1.2e-7.</summary>
    private static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + (0.5 * z));
        var poly = -z * z - 1.26551223 + (t * (1.00002368 + (t * (0.37409196 + (t * (0.09678418 + (t * (-0.18628806
            + (t * (0.27886807 + (t * (-1.13520398 + (t * (1.48851587 + (t * (-0.82215223 + (t * 0.17087277)))))))))))))))));
        var result = t * Math.Exp(poly);
        return x >= 0 ? result : 2 - result;
    }
}

namespace Retail.Grains.Forecasting;

/// <summary>
/// How the demand forecaster smooths daily sales, bound from <c>Forecasting</c>. The defaults were tuned on the
/// UCI nine months (BENCHMARKS.md, "Demand forecast backtest").
/// </summary>
public sealed class ForecastingOptions
{
    public const string Section = "Forecasting";

    /// <summary>Smoothing weight of a day in the share of days with a sale; higher forgets a stale item sooner.</summary>
    public double ProbabilitySmoothing { get; set; } = 0.035;

    /// <summary>Smoothing weight of a selling day in the units per selling day.</summary>
    public double SizeSmoothing { get; set; } = 0.07;

    /// <summary>The share of days with a sale assumed before any history.</summary>
    public double PriorProbability { get; set; } = 0.1;

    /// <summary>How many days <see cref="PriorProbability"/> weighs against the days seen.</summary>
    public double PriorDays { get; set; } = 3;

    /// <summary>The units on a selling day assumed before any history; weighs as much as one selling day, so a launch order is not taken for the norm.</summary>
    public double PriorSize { get; set; } = 10;

    /// <summary>A day's units count at most this many times the usual units per selling day, so one huge order does not become the rate.</summary>
    public double OutlierCap { get; set; } = 7;

    /// <summary>Relative uncertainty of the rate itself, on top of day-to-day noise: widens the quantiles.</summary>
    public double RateUncertainty { get; set; } = 0.3;

    /// <summary>Whether the options can drive a forecast.</summary>
    public bool IsValid =>
        ProbabilitySmoothing is > 0 and <= 1 && SizeSmoothing is > 0 and <= 1 && PriorProbability is > 0 and <= 1
        && PriorDays >= 0 && PriorSize > 0 && OutlierCap > 1 && RateUncertainty >= 0;
}

namespace Retail.Grains.Forecasting;

/// <summary>How sales are smoothed into a velocity, bound from <c>Forecasting</c>.</summary>
public sealed class ForecastingOptions
{
    public const string Section = "Forecasting";

    /// <summary>Time constant of the exponential smoothing: older sales weigh e times less per this span.</summary>
    public TimeSpan SmoothingWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The shortest history a rate is spread over, so one early sale does not look like a flood.</summary>
    public TimeSpan MinimumHistory { get; set; } = TimeSpan.FromHours(1);
}

namespace Retail.Grains.Abstractions.Variants;

/// <summary>A variant's expected demand: the figures its quantiles and sell-out chances come from.</summary>
/// <param name="PerDay">Mean units per day.</param>
/// <param name="DailyVariance">Day-to-day variance of the units.</param>
/// <param name="Uncertainty">Relative standard deviation of the rate itself, which does not average out over a span.</param>
[GenerateSerializer, Immutable]
public sealed record DemandRate(
    [property: Id(0)] double PerDay,
    [property: Id(1)] double DailyVariance,
    [property: Id(2)] double Uncertainty)
{
    /// <summary>No demand seen.</summary>
    public static DemandRate None { get; } = new(0, 0, 0);
}

namespace Retail.Grains.Abstractions.Variants;

/// <summary>
/// An exponentially decayed count of units sold from one source, for a smoothed rate.
/// </summary>
/// <param name="DecayedUnits">Units, each weighted by how long ago it sold.</param>
/// <param name="LastAt">When <paramref name="DecayedUnits"/> was last brought up to date.</param>
/// <param name="FirstAt">The first sale seen from this source.</param>
[GenerateSerializer, Immutable]
public sealed record SalesRate(
    [property: Id(0)] double DecayedUnits,
    [property: Id(1)] DateTimeOffset? LastAt,
    [property: Id(2)] DateTimeOffset? FirstAt)
{
    /// <summary>No sale seen.</summary>
    public static SalesRate None { get; } = new(0, null, null);
}

using System.Collections.Immutable;

namespace Retail.Grains.Abstractions.Variants;

/// <summary>
/// Event counts per minute over the last hour, by Kafka record time: only the minutes that have events, oldest
/// first, all within the hour that ends at <see cref="HeadMinute"/>.
/// </summary>
/// <remarks>
/// Sparse because most of a catalog's variants see a few events an hour: a window with one busy minute costs
/// 64 B where 60 buckets cost 296, and a window busy every minute 536.
/// </remarks>
[GenerateSerializer, Immutable]
public sealed record ActivityWindow(
    [property: Id(0)] long HeadMinute,
    [property: Id(1)] ImmutableArray<MinuteCount> Counts)
{
    /// <summary>Minutes kept.</summary>
    public const int Minutes = 60;

    /// <summary>No events yet.</summary>
    public static ActivityWindow Empty { get; } = new(0, []);
}

/// <summary>Events in one minute, counted in minutes since the Unix epoch (an int lasts until the year 6053).</summary>
[GenerateSerializer, Immutable]
public readonly record struct MinuteCount([property: Id(0)] int Minute, [property: Id(1)] int Count);

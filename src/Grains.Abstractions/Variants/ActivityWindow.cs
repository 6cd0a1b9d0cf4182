using System.Collections.Immutable;

namespace Retail.Grains.Abstractions.Variants;

/// <summary>
/// Event counts per minute over the last hour, by Kafka record time: only the minutes that have events, oldest
/// first, all within the hour that ends at <see cref="HeadMinute"/>.
/// </summary>
/// <remarks>
/// Sparse because most of a catalog's variants see a few events an hour: a quiet window costs a few bytes, where
/// 60 buckets cost 264 in every active grain. Field 1 held those buckets; it is no longer read.
/// </remarks>
[GenerateSerializer, Immutable]
public sealed record ActivityWindow(
    [property: Id(0)] long HeadMinute,
    [property: Id(2)] ImmutableArray<MinuteCount> Counts)
{
    /// <summary>Minutes kept.</summary>
    public const int Minutes = 60;

    /// <summary>No events yet.</summary>
    public static ActivityWindow Empty { get; } = new(0, []);
}

/// <summary>Events in one minute since the Unix epoch.</summary>
[GenerateSerializer, Immutable]
public readonly record struct MinuteCount([property: Id(0)] long Minute, [property: Id(1)] int Count);

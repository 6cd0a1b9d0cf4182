using System.Collections.Immutable;

namespace Retail.Grains.Abstractions.Variants;

/// <summary>
/// Event counts per minute over the last hour, by Kafka record time. Bucket <c>m % 60</c> holds minute
/// <c>m</c> while <c>m</c> is within the hour that ends at <see cref="HeadMinute"/>.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ActivityWindow(
    [property: Id(0)] long HeadMinute,
    [property: Id(1)] ImmutableArray<int> Buckets)
{
    /// <summary>Minutes kept.</summary>
    public const int Minutes = 60;

    /// <summary>No events yet.</summary>
    public static ActivityWindow Empty { get; } = new(0, ImmutableArray.Create(new int[Minutes]));
}

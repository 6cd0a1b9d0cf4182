using System.Collections.Immutable;

namespace Retail.Grains.Abstractions.Variants;

/// <summary>How many clickstream events of each activity a variant has seen.</summary>
[GenerateSerializer, Immutable]
public sealed record ActivityCounts(
    [property: Id(0)] long ContentView,
    [property: Id(1)] long AddToCart,
    [property: Id(2)] long Purchase,
    [property: Id(3)] ImmutableSortedDictionary<string, long> Other)
{
    /// <summary>No activity yet.</summary>
    public static ActivityCounts None { get; } = new(0, 0, 0, ImmutableSortedDictionary<string, long>.Empty.WithComparers(StringComparer.Ordinal));

    /// <summary>All events, of every activity.</summary>
    public long Total => ContentView + AddToCart + Purchase + Other.Values.Sum();
}

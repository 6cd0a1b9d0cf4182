using System.Collections.Immutable;

namespace Retail.Grains.Abstractions.Events;

/// <summary>
/// The last position a grain applied from one partition of one source, named by the namespace its events count
/// under: a variant's topic namespaces, another grain's stream namespace.
/// </summary>
[GenerateSerializer, Immutable]
public readonly record struct AppliedPosition(
    [property: Id(0)] string Namespace,
    [property: Id(1)] SourcePosition Position)
{
    /// <summary>
    /// <paramref name="applied"/> keyed by "namespace/partition", the form versions before the array saved. It is
    /// saved alongside the array, so that a silo of such a version, during a rolling upgrade or after a rollback,
    /// still recognises redelivered events.
    /// </summary>
    public static ImmutableDictionary<string, SourcePosition> Keyed(ImmutableArray<AppliedPosition> applied) =>
        applied.IsDefaultOrEmpty
            ? ImmutableDictionary<string, SourcePosition>.Empty
            : applied.ToImmutableDictionary(a => $"{a.Namespace}/{a.Position.Partition}", a => a.Position, StringComparer.Ordinal);
}

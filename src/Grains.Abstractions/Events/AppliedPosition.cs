namespace Retail.Grains.Abstractions.Events;

/// <summary>
/// The last position a grain applied from one partition of one source, named by the namespace its events count
/// under: a variant's topic namespaces, another grain's stream namespace.
/// </summary>
[GenerateSerializer, Immutable]
public readonly record struct AppliedPosition(
    [property: Id(0)] string Namespace,
    [property: Id(1)] SourcePosition Position);

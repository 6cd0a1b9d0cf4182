namespace Retail.Grains.Abstractions.Events;

/// <summary>The last position a grain applied from one partition of one source stream namespace.</summary>
[GenerateSerializer, Immutable]
public readonly record struct AppliedPosition(
    [property: Id(0)] string Namespace,
    [property: Id(1)] SourcePosition Position);

namespace Retail.Grains.Abstractions.Variants;

/// <summary>What the API shows of a variant.</summary>
[GenerateSerializer, Immutable]
public sealed record VariantSnapshot(
    [property: Id(0)] long VariantId,
    [property: Id(1)] ActivityCounts Activity,
    [property: Id(2)] DateTimeOffset UpdatedAt);

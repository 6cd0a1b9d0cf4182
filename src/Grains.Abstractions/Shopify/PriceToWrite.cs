namespace Retail.Grains.Abstractions.Shopify;

/// <summary>A decided price to write to one variant; the decision time orders them, so an older one never overwrites a newer.</summary>
[GenerateSerializer, Immutable]
public sealed record PriceToWrite(
    [property: Id(0)] long VariantId,
    [property: Id(1)] decimal Price,
    [property: Id(2)] DateTimeOffset DecidedAt);

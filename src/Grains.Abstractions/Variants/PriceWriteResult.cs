namespace Retail.Grains.Abstractions.Variants;

/// <summary>The outcome of writing a variant's price to Shopify: written at <paramref name="At"/>, or refused with <paramref name="Error"/>.</summary>
[GenerateSerializer, Immutable]
public sealed record PriceWriteResult(
    [property: Id(0)] decimal Price,
    [property: Id(1)] DateTimeOffset DecidedAt,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string? Error);

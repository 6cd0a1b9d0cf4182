namespace Retail.Grains.Abstractions.Variants;

/// <summary>A change of a variant's dynamic price.</summary>
/// <param name="VariantId">The variant.</param>
/// <param name="BasePrice">The Shopify price at the time.</param>
/// <param name="OldPrice">The dynamic price before, or <c>null</c> for the first decision.</param>
/// <param name="NewPrice">The dynamic price after, rounded to cents.</param>
/// <param name="Policy">The pricing policy that decided.</param>
/// <param name="Reason">Why, in words.</param>
/// <param name="DecidedAt">When.</param>
[GenerateSerializer, Immutable]
public sealed record PriceDecision(
    [property: Id(0)] long VariantId,
    [property: Id(1)] decimal BasePrice,
    [property: Id(2)] decimal? OldPrice,
    [property: Id(3)] decimal NewPrice,
    [property: Id(4)] string Policy,
    [property: Id(5)] string Reason,
    [property: Id(6)] DateTimeOffset DecidedAt);

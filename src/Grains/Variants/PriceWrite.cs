namespace Retail.Grains.Variants;

/// <summary>Where a variant's dynamic price stands with Shopify.</summary>
/// <param name="Suggestion">A decision waiting for an operator's approval (<c>Pricing:Apply=suggest</c>).</param>
/// <param name="AppliedPrice">The price last written to Shopify.</param>
/// <param name="AppliedAt">When it was written.</param>
/// <param name="LastError">Why the last write failed, or <c>null</c> when it succeeded.</param>
/// <param name="SettledDecidedAt">The decision time of the last write that succeeded or failed: later decisions are still owed to Shopify.</param>
[GenerateSerializer, Immutable]
public sealed record PriceWrite(
    [property: Id(0)] PriceDecision? Suggestion,
    [property: Id(1)] decimal? AppliedPrice,
    [property: Id(2)] DateTimeOffset? AppliedAt,
    [property: Id(3)] string? LastError,
    [property: Id(4)] DateTimeOffset? SettledDecidedAt)
{
    public static PriceWrite None { get; } = new(null, null, null, null, null);
}

namespace Retail.Grains.Pricing;

/// <summary>
/// The seed pipeline's rule: more than 3 content views gives base × 1.10, otherwise base × 1.01. It is
/// evaluated on every event, without guardrails, as the seed did.
/// </summary>
public sealed class SeedPricingPolicy : IPricingPolicy
{
    public const string PolicyName = "seed";

    public string Name => PolicyName;

    /// <summary>The seed's price for a base price and a content-view count.</summary>
    public static decimal Price(decimal basePrice, long contentViews) =>
        Prices.ToCents(basePrice * (contentViews > 3 ? 1.10m : 1.01m));

    public PriceDecision? Decide(PricingInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var price = Price(input.BasePrice, input.Activity.ContentView);
        if (price == input.CurrentPrice)
        {
            return null;
        }

        var reason = input.Activity.ContentView > 3
            ? $"{input.Activity.ContentView} content views > 3: base × 1.10"
            : $"{input.Activity.ContentView} content views ≤ 3: base × 1.01";
        return new PriceDecision(input.VariantId, input.BasePrice, input.CurrentPrice, price, Name, reason, input.Now);
    }
}

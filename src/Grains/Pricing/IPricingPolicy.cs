namespace Retail.Grains.Pricing;

/// <summary>Decides a variant's dynamic price. Pure: the same input gives the same answer.</summary>
public interface IPricingPolicy
{
    /// <summary>The name configured in <c>Pricing:Policy</c>.</summary>
    string Name { get; }

    /// <summary>The new price, rounded to cents, or <c>null</c> to keep the current one.</summary>
    PriceDecision? Decide(PricingInput input);
}

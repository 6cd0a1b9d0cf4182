namespace Retail.Grains.Pricing;

/// <summary>Money arithmetic shared by the policies.</summary>
public static class Prices
{
    /// <summary>Rounds to cents, halves away from zero, as a till would.</summary>
    public static decimal ToCents(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}

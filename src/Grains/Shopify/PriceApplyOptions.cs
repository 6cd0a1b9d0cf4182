namespace Retail.Grains.Shopify;

/// <summary>What becomes of price decisions, bound from <c>Pricing</c> (<c>Pricing:Apply</c>).</summary>
public sealed class PriceApplyOptions
{
    public const string Section = "Pricing";

    public const string Off = "off";
    public const string Suggest = "suggest";
    public const string Auto = "auto";

    /// <summary><c>off</c>: published only; <c>suggest</c>: kept for an operator's approval; <c>auto</c>: written to Shopify.</summary>
    public string Apply { get; set; } = Off;
}

/// <summary>The mode in force: <see cref="PriceApplyOptions.Apply"/>, or off while Shopify is not connected.</summary>
public sealed record PriceApplyMode(string Mode)
{
    public bool Suggests => Mode == PriceApplyOptions.Suggest;

    public bool Writes => Mode == PriceApplyOptions.Auto;
}

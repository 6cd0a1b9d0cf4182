namespace Retail.Grains.Pricing;

/// <summary>Tuning and guardrails of the default policy, bound from <c>Pricing</c>.</summary>
public sealed class DemandPricingOptions
{
    public const string Section = "Pricing";

    /// <summary>Which policy prices variants: <c>default</c> or <c>seed</c>.</summary>
    public string Policy { get; set; } = DemandPricingPolicy.PolicyName;

    /// <summary>Views per hour that count as ordinary demand.</summary>
    public double NormalViewsPerHour { get; set; } = 20;

    /// <summary>How far demand alone may move the price, as a fraction of base (0.10 = ±10%).</summary>
    public decimal DemandWeight { get; set; } = 0.10m;

    /// <summary>How far stock pressure alone may move the price, as a fraction of base.</summary>
    public decimal StockWeight { get; set; } = 0.10m;

    /// <summary>Days of inventory the shop aims to hold; fewer raises the price, more lowers it.</summary>
    public double TargetDaysOfInventory { get; set; } = 30;

    /// <summary>Lowest price, as a fraction of base.</summary>
    public decimal Floor { get; set; } = 0.80m;

    /// <summary>Highest price, as a fraction of base.</summary>
    public decimal Ceiling { get; set; } = 1.25m;

    /// <summary>Largest change in one decision, as a fraction of base.</summary>
    public decimal MaxStep { get; set; } = 0.05m;

    /// <summary>Shortest time between two changes of one variant's price.</summary>
    public TimeSpan MinInterval { get; set; } = TimeSpan.FromMinutes(1);
}

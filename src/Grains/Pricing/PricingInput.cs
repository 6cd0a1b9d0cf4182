namespace Retail.Grains.Pricing;

/// <summary>Everything a pricing policy may look at, at one moment.</summary>
/// <param name="VariantId">The variant.</param>
/// <param name="BasePrice">The Shopify price.</param>
/// <param name="CurrentPrice">The current dynamic price, or <c>null</c> before the first decision.</param>
/// <param name="LastChangeAt">When the dynamic price last changed.</param>
/// <param name="Activity">All-time clickstream counts; the seed rule uses the content views.</param>
/// <param name="ViewsLastHour">Content views in the last hour.</param>
/// <param name="AddToCartsLastHour">Add-to-carts in the last hour.</param>
/// <param name="PurchasesLastHour">Purchases in the last hour.</param>
/// <param name="DaysOfInventory">The median days until sold out, or <c>null</c> with no sales signal.</param>
/// <param name="Now">The time of the decision.</param>
public sealed record PricingInput(
    long VariantId,
    decimal BasePrice,
    decimal? CurrentPrice,
    DateTimeOffset? LastChangeAt,
    ActivityCounts Activity,
    long ViewsLastHour,
    long AddToCartsLastHour,
    long PurchasesLastHour,
    double? DaysOfInventory,
    DateTimeOffset Now);

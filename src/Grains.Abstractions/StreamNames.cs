namespace Retail.Grains.Abstractions;

/// <summary>The stream provider and the stream namespaces of the retail grains.</summary>
public static class StreamNames
{
    /// <summary>The name of the Kafka-backed persistent stream provider.</summary>
    public const string Provider = "kafka";

    /// <summary>
    /// Every event for one variant, keyed by variant id: its clickstream, Shopify product updates and order lines.
    /// One stream per variant rather than one per source topic, because a silo holds about a kilobyte for each
    /// stream a grain consumes.
    /// </summary>
    public const string Variant = "variant";

    /// <summary>The clickstream topic's namespace. Its events go to <see cref="Variant"/>; positions count under it.</summary>
    public const string Clickstream = "clickstream";

    /// <summary>
    /// The Shopify product-update topic's namespace. Each update goes to <see cref="Products"/>, and once per variant
    /// to <see cref="Variant"/>; the variants' positions count under it.
    /// </summary>
    public const string VariantUpdates = "variant-updates";

    /// <summary>Shopify product updates as a whole, keyed by product id.</summary>
    public const string Products = "products";

    /// <summary>The Shopify order topic's namespace. Each line item goes to <see cref="Variant"/>; positions count under it.</summary>
    public const string Sales = "sales";

    /// <summary>The Shopify order-cancellation topic's namespace. Each cancelled variant goes to <see cref="Variant"/>; positions count under it.</summary>
    public const string Cancellations = "cancellations";

    /// <summary>The Shopify refund topic's namespace. Each refunded variant goes to <see cref="Variant"/>; positions count under it.</summary>
    public const string Refunds = "refunds";

    /// <summary>Shopify inventory levels, keyed by inventory item id.</summary>
    public const string InventoryLevels = "inventory-levels";

    /// <summary>Price decisions going out, keyed by variant id.</summary>
    public const string DynamicPrices = "dynamic-prices";

    /// <summary>Sell-through forecasts going out, keyed by variant id.</summary>
    public const string SellThrough = "sell-through";
}

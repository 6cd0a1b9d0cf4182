namespace Retail.Silo.Hosting;

/// <summary>Kafka topic names, bound from <c>Kafka:Topics</c>. The defaults are the seed pipeline's.</summary>
public sealed class RetailTopics
{
    public const string Section = "Kafka:Topics";

    /// <summary>Shopper clickstream in.</summary>
    public string Clickstream { get; set; } = "shopify_clickstream";

    /// <summary>Shopify <c>products/update</c> bodies in.</summary>
    public string ProductsUpdate { get; set; } = "plf_products_update";

    /// <summary>Shopify <c>orders/create</c> bodies in.</summary>
    public string OrdersCreate { get; set; } = "plf_orders_create";

    /// <summary>Shopify <c>inventory_levels/update</c> bodies in.</summary>
    public string InventoryLevelsUpdate { get; set; } = "plf_inventory_levels_update";

    /// <summary>Price decisions out.</summary>
    public string DynamicPrices { get; set; } = "retail_dynamic_prices";

    /// <summary>Sell-through forecasts out.</summary>
    public string SellThrough { get; set; } = "retail_sell_through";

    /// <summary>Records that could not be used, with headers saying why.</summary>
    public string DeadLetters { get; set; } = "retail_dead_letters";
}

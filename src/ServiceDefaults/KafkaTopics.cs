using System.Text;

namespace Retail.ServiceDefaults;

/// <summary>
/// Kafka topic names, bound from <c>Kafka:Topics</c>: the one place every host and module takes them from. The
/// defaults are the seed pipeline's.
/// </summary>
public sealed class KafkaTopics
{
    public const string Section = "Kafka:Topics";

    /// <summary>Shopper clickstream in.</summary>
    public string Clickstream { get; set; } = "shopify_clickstream";

    /// <summary>What the seed's connector put before a Shopify webhook topic's name; for webhooks not named below.</summary>
    public string ShopifyPrefix { get; set; } = "plf_";

    /// <summary>Shopify <c>products/update</c> bodies in.</summary>
    public string ProductsUpdate { get; set; } = "plf_products_update";

    /// <summary>Shopify <c>orders/create</c> bodies in.</summary>
    public string OrdersCreate { get; set; } = "plf_orders_create";

    /// <summary>Shopify <c>orders/cancelled</c> bodies in.</summary>
    public string OrdersCancelled { get; set; } = "plf_orders_cancelled";

    /// <summary>Shopify <c>refunds/create</c> bodies in.</summary>
    public string RefundsCreate { get; set; } = "plf_refunds_create";

    /// <summary>Shopify <c>inventory_levels/update</c> bodies in.</summary>
    public string InventoryLevelsUpdate { get; set; } = "plf_inventory_levels_update";

    /// <summary>Price decisions out.</summary>
    public string DynamicPrices { get; set; } = "retail_dynamic_prices";

    /// <summary>Sell-through forecasts out.</summary>
    public string SellThrough { get; set; } = "retail_sell_through";

    /// <summary>Records that could not be used, with headers saying why.</summary>
    public string DeadLetters { get; set; } = "retail_dead_letters";

    /// <summary>The topic for a generator's stream: <see cref="Clickstream"/>, or a webhook topic's (<see cref="ForWebhook"/>).</summary>
    public string ForStream(string stream) =>
        stream == "clickstream" ? Clickstream : ForWebhook(stream) ?? throw new ArgumentException($"No topic for stream '{stream}'.", nameof(stream));

    /// <summary>
    /// The topic a Shopify webhook goes to: the ones above by name; any other, <see cref="ShopifyPrefix"/> + its name
    /// with every character Kafka does not allow in a topic name turned into '_' ("carts/update" gives
    /// "plf_carts_update"). <c>null</c> for a missing or absurdly long name.
    /// </summary>
    public string? ForWebhook(string? webhookTopic)
    {
        switch (webhookTopic?.Trim())
        {
            case null or "" or { Length: > 200 }:
                return null;
            // A product's create, updates and delete share its topic and key, so they stay in order.
            case "products/update" or "products/create" or "products/delete":
                return ProductsUpdate;
            case "orders/cancelled":
                return OrdersCancelled;
            case "refunds/create":
                return RefundsCreate;
            case "orders/create":
                return OrdersCreate;
            case "inventory_levels/update":
                return InventoryLevelsUpdate;
            case var other:
                var name = new StringBuilder(ShopifyPrefix, ShopifyPrefix.Length + other.Length);
                foreach (var c in other)
                {
                    name.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '_');
                }

                return name.ToString();
        }
    }
}

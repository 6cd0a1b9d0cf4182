namespace Retail.Generators.Records;

/// <summary>The streams the generator writes, and the Kafka topics they go to by default.</summary>
public static class Streams
{
    public const string Clickstream = "clickstream";
    public const string ProductsUpdate = "products/update";
    public const string OrdersCreate = "orders/create";
    public const string InventoryLevelsUpdate = "inventory_levels/update";

    /// <summary>The platform's default topic: the seed's clickstream topic, or <c>plf_</c> + the webhook topic.</summary>
    public static string KafkaTopic(string stream) =>
        stream == Clickstream ? "shopify_clickstream" : "plf_" + stream.Replace('/', '_');
}

namespace Retail.Generators.Records;

/// <summary>The streams the generator writes: the clickstream, and Shopify webhook topics by their own names.</summary>
public static class Streams
{
    public const string Clickstream = "clickstream";
    public const string ProductsUpdate = "products/update";
    public const string OrdersCreate = "orders/create";
    public const string InventoryLevelsUpdate = "inventory_levels/update";
}

using System.Text.Json.Nodes;

namespace Retail.IntegrationTests.Infrastructure;

/// <summary>Record values as the storefront and Shopify send them, for tests to produce.</summary>
internal static class Records
{
    /// <summary>A clickstream record in the seed datagen's form; <paramref name="userField"/> is either spelling it uses.</summary>
    public static string Click(long variantId, string activity, string userField = "userid") =>
        $$"""{"ip":"111.1.1.1","{{userField}}":1644276582001,"time":"01/Jan/1970:00:00:00 +0000","_time":0,"product_variant_id":{{variantId}},"activity":"{{activity}}"}""";

    /// <summary>A Shopify <c>products/update</c> body naming <paramref name="variants"/>, each with SKU <c>sku-{id}</c>.</summary>
    public static string ProductUpdate(long productId, string title, params (long Id, string Price, long Quantity, long? InventoryItem)[] variants) =>
        new JsonObject
        {
            ["id"] = productId,
            ["title"] = title,
            ["vendor"] = "Test Vendor",
            ["updated_at"] = "2021-01-01T00:00:00Z",
            ["variants"] = new JsonArray([.. variants.Select(v => (JsonNode)new JsonObject
            {
                ["id"] = v.Id,
                ["product_id"] = productId,
                ["sku"] = $"sku-{v.Id}",
                ["price"] = v.Price,
                ["inventory_quantity"] = v.Quantity,
                ["old_inventory_quantity"] = v.Quantity,
                ["inventory_item_id"] = v.InventoryItem,
            })]),
        }.ToJsonString();
}

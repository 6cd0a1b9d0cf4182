using System.Text.Json.Nodes;

namespace Retail.Shopify.Catalog;

/// <summary>
/// A synced product as a <c>products/update</c> webhook body, so that it takes the same Kafka topic and mapping as
/// the webhooks do.
/// </summary>
public static class ProductUpdateBody
{
    public static byte[] Serialize(CatalogProduct product)
    {
        ArgumentNullException.ThrowIfNull(product);
        var variants = new JsonArray();
        foreach (var variant in product.Variants)
        {
            variants.Add(new JsonObject
            {
                ["id"] = variant.VariantId,
                ["product_id"] = product.ProductId,
                ["title"] = variant.Title,
                ["sku"] = variant.Sku,
                // As Shopify's webhooks send it: a string, so no decimal passes through a double.
                ["price"] = variant.Price?.ToString(CultureInfo.InvariantCulture),
                ["inventory_quantity"] = variant.InventoryQuantity,
                ["inventory_item_id"] = variant.InventoryItemId,
            });
        }

        var body = new JsonObject
        {
            ["id"] = product.ProductId,
            ["title"] = product.Title,
            ["vendor"] = product.Vendor,
            ["updated_at"] = product.UpdatedAt?.ToString("o", CultureInfo.InvariantCulture),
            ["variants"] = variants,
        };
        return JsonSerializer.SerializeToUtf8Bytes(body);
    }
}

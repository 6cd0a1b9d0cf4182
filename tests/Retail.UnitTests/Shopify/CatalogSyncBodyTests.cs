using Retail.Shopify.Admin;
using Retail.Shopify.Catalog;
using Retail.Silo.Mapping;

namespace Retail.UnitTests.Shopify;

public class CatalogSyncBodyTests
{
    [Fact]
    public void A_synced_product_reads_back_through_the_products_update_mapping_with_exact_ids_and_prices()
    {
        var product = new CatalogProduct(788032119674292922, "Example T-Shirt", "Acme", new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero),
            [new CatalogVariant(642667041472713922, "Small", "example-shirt-s", 19.99m, 75, 9007199254740993), new CatalogVariant(757650484644203962, "Medium", null, null, null, null)]);

        var (read, variants) = ShopifyJson.ReadProductUpdate(ProductUpdateBody.Serialize(product), DateTimeOffset.UnixEpoch);

        Assert.Equal((788032119674292922L, "Example T-Shirt", "Acme"), (read.ProductId, read.Title, read.Vendor));
        Assert.Equal(
            [(642667041472713922L, "example-shirt-s", (decimal?)19.99m, (long?)75L, (long?)9007199254740993L), (757650484644203962L, null, null, null, null)],
            variants.Select(v => (v.VariantId, v.Sku, v.Price, v.InventoryQuantity, v.InventoryItemId)));
        Assert.Equal(product.UpdatedAt, variants[0].UpdatedAt);
    }

    [Theory]
    [InlineData("gid://shopify/ProductVariant/642667041472713922", 642667041472713922L)]
    [InlineData("gid://shopify/Product/1", 1L)]
    [InlineData("gid://shopify/Product/", null)]
    [InlineData("gid://shopify/Product/-4", null)]
    [InlineData(null, null)]
    public void Global_ids_give_their_numeric_id(string? gid, long? id)
    {
        Assert.Equal(id, ShopifyGid.Id(gid));
    }

    [Fact]
    public void A_numeric_id_gives_its_global_id()
    {
        Assert.Equal("gid://shopify/ProductVariant/642667041472713922", ShopifyGid.Of("ProductVariant", 642667041472713922));
    }

    [Theory]
    [InlineData("variants.2.price", 2)]
    [InlineData("variants.0", 0)]
    [InlineData("productId", null)]
    [InlineData("variants.x.price", null)]
    [InlineData(null, null)]
    public void A_user_error_names_the_input_it_refused(string? field, int? index)
    {
        Assert.Equal(index, new UserError("refused", field, "INVALID_INPUT").InputIndex("variants"));
    }
}

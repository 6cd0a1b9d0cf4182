using System.Text;
using Retail.Silo.Mapping;

namespace Retail.UnitTests.Mapping;

public class ShopifyJsonTests
{
    private static readonly DateTimeOffset RecordTime = new(2026, 11, 24, 0, 0, 0, TimeSpan.Zero);

    private static byte[] Wrapped(byte[] body) => Encoding.UTF8.GetBytes($$"""{"payload":{{Encoding.UTF8.GetString(body)}}}""");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Reads_shopifys_products_update_example_raw_and_wrapped(bool wrapped)
    {
        var body = Fixture.Shopify("products_update.example-tshirt.json");

        var (product, variants) = ShopifyJson.ReadProductUpdate(wrapped ? Wrapped(body) : body, RecordTime);

        Assert.Equal(788032119674292922L, product.ProductId);
        Assert.Equal(("Example T-Shirt", "Acme"), (product.Title, product.Vendor));
        Assert.Equal([642667041472713922L, 757650484644203962L], product.VariantIds.ToArray());
        Assert.Equal(new DateTimeOffset(2023, 9, 18, 7, 51, 36, TimeSpan.FromHours(1)), product.UpdatedAt);
        Assert.Equal(2, variants.Length);
        Assert.Equal((642667041472713922L, 788032119674292922L, "example-shirt-s", 19.99m, 75L, 75L), (variants[0].VariantId, variants[0].ProductId, variants[0].Sku, variants[0].Price!.Value, variants[0].InventoryQuantity!.Value, variants[0].OldInventoryQuantity!.Value));
        Assert.Equal((757650484644203962L, "example-shirt-m", 19.99m, 50L), (variants[1].VariantId, variants[1].Sku, variants[1].Price!.Value, variants[1].InventoryQuantity!.Value));
    }

    [Fact]
    public void Reads_the_line_items_of_an_orders_create_example()
    {
        var sales = ShopifyJson.ReadOrder(Fixture.Shopify("orders_create.example.json"), RecordTime);

        Assert.Equal([(49121760117052L, 1L), (49121760182588L, 1L)], sales.Select(s => (s.VariantId, s.Quantity)));
        Assert.All(sales, s => Assert.Equal(820982911946154508L, s.OrderId));
        Assert.All(sales, s => Assert.Equal(new DateTimeOffset(2024, 6, 26, 12, 33, 21, TimeSpan.FromHours(-4)), s.SoldAt));
    }

    [Fact]
    public void Skips_line_items_without_a_variant()
    {
        var sales = ShopifyJson.ReadOrder(Encoding.UTF8.GetBytes("""{"id":1,"line_items":[{"variant_id":null,"quantity":2},{"variant_id":7,"quantity":3}]}"""), RecordTime);

        Assert.Equal([(7L, 3L)], sales.Select(s => (s.VariantId, s.Quantity)));
    }

    [Fact]
    public void Reads_an_inventory_level()
    {
        var level = ShopifyJson.ReadInventoryLevel(Fixture.Shopify("inventory_levels_update.example.json"), RecordTime);

        Assert.Equal((808950810L, 655441491L, 42L), (level.InventoryItemId, level.LocationId, level.Available));
        Assert.Equal(new DateTimeOffset(2022, 3, 30, 19, 26, 58, TimeSpan.FromHours(-4)), level.UpdatedAt);
    }

    [Theory]
    [InlineData("not json", "invalid JSON")]
    [InlineData("[]", "expected a JSON object")]
    [InlineData("""{"title":"x","variants":[]}""", "id is missing")]
    [InlineData("""{"id":1,"variants":{}}""", "variants must be an array")]
    [InlineData("""{"id":1,"variants":[{"id":-2}]}""", "id must be a positive 64-bit integer")]
    [InlineData("""{"id":1,"variants":[{"id":2,"price":"abc"}]}""", "price must be a non-negative decimal")]
    [InlineData("""{"id":1.5,"variants":[]}""", "id must be a 64-bit integer")]
    public void Rejects_bad_product_updates_with_a_reason(string json, string reason)
    {
        var error = Assert.Throws<InvalidDataException>(() => ShopifyJson.ReadProductUpdate(Encoding.UTF8.GetBytes(json), RecordTime));

        Assert.StartsWith(reason, error.Message, StringComparison.Ordinal);
    }
}

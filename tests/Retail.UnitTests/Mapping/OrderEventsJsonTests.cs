using System.Text;
using Retail.Grains.Abstractions.Events;
using Retail.Silo.Mapping;

namespace Retail.UnitTests.Mapping;

/// <summary>The bodies of orders/cancelled, refunds/create and products/delete, as Shopify's REST webhooks send them.</summary>
public class OrderEventsJsonTests
{
    private static readonly DateTimeOffset RecordTime = new(2026, 11, 24, 0, 0, 0, TimeSpan.Zero);

    private static byte[] Body(string json) => Encoding.UTF8.GetBytes(json);

    [Fact]
    public void An_order_with_two_line_items_of_one_variant_is_one_sale_of_both()
    {
        var sales = ShopifyJson.ReadOrder(Body("""
            {"id":820982911946154508,"created_at":"2026-11-23T10:00:00Z","line_items":[
              {"variant_id":7,"quantity":2},{"variant_id":8,"quantity":1},{"variant_id":7,"quantity":3},{"variant_id":null,"quantity":4}]}
            """), RecordTime);

        Assert.Equal([(7L, 5L), (8L, 1L)], sales.Select(s => (s.VariantId, s.Quantity)));
    }

    [Fact]
    public void Reads_the_fixtures_order_as_a_cancellation_of_each_of_its_variants()
    {
        // The test notification's order happens to carry a cancelled_at already.
        var cancels = ShopifyJson.ReadCancellation(Fixture.Shopify("orders_create.example.json"), RecordTime);

        Assert.Equal([49121760117052L, 49121760182588L], cancels.Select(c => c.VariantId));
        Assert.All(cancels, c => Assert.Equal((820982911946154508L, new DateTimeOffset(2024, 6, 26, 12, 33, 21, TimeSpan.FromHours(-4))), (c.OrderId, c.CancelledAt)));
    }

    [Fact]
    public void A_refund_sums_its_line_items_per_variant_and_counts_restocked_units()
    {
        var refunds = ShopifyJson.ReadRefund(Body("""
            {"id":929361462,"order_id":450789469,"created_at":"2026-11-23T12:00:00Z","restock":true,"refund_line_items":[
              {"id":1,"quantity":2,"line_item_id":11,"restock_type":"return","line_item":{"id":11,"variant_id":7,"quantity":3}},
              {"id":2,"quantity":1,"line_item_id":12,"restock_type":"no_restock","line_item":{"id":12,"variant_id":7,"quantity":1}},
              {"id":3,"quantity":1,"line_item_id":13,"restock_type":"cancel","line_item":{"id":13,"variant_id":8,"quantity":1}},
              {"id":4,"quantity":1,"line_item_id":14,"restock_type":"return","line_item":{"id":14,"variant_id":null}}]}
            """), RecordTime);

        Assert.Equal([(7L, 3L, 2L), (8L, 1L, 1L)], refunds.Select(r => (r.VariantId, r.Quantity, r.Restocked)));
        Assert.All(refunds, r => Assert.Equal((929361462L, 450789469L, new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero)), (r.RefundId, r.OrderId, r.RefundedAt)));
    }

    [Theory]
    [InlineData("""{"order_id":1,"refund_line_items":[]}""", "id is missing")]
    [InlineData("""{"id":1,"refund_line_items":[]}""", "order_id is missing")]
    [InlineData("""{"id":1,"order_id":2}""", "refund_line_items must be an array")]
    public void A_refund_without_its_ids_or_items_is_refused_with_the_reason(string json, string reason)
    {
        var error = Assert.Throws<InvalidDataException>(() => ShopifyJson.ReadRefund(Body(json), RecordTime));
        Assert.Equal(reason, error.Message);
    }

    [Fact]
    public void A_products_delete_names_its_product_at_the_records_time()
    {
        var deleted = ShopifyJson.ReadProductDelete(Body("""{"id":788032119674292922}"""), RecordTime);

        Assert.Equal(new ProductDeleted(788032119674292922L, RecordTime), deleted);
        Assert.Throws<InvalidDataException>(() => ShopifyJson.ReadProductDelete(Body("{}"), RecordTime));
    }
}

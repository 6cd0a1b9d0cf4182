using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Retail.Api.Ingest;
using Retail.Grains.Abstractions.Insights;
using Retail.IntegrationTests.Infrastructure;

namespace Retail.IntegrationTests.Ingest;

/// <summary>Every order and product event Shopify sends, the compliance webhooks, and deduplication by event id.</summary>
[Collection(SiloGroup.Name)]
[Trait("Category", "Kafka")]
public sealed class ShopifyEventTests(SiloFactory silo)
{
    private static readonly string Now = DateTimeOffset.UtcNow.ToString("o", CultureInfo.InvariantCulture);

    private static string Order(long orderId, params (long VariantId, long Quantity)[] lines) => new JsonObject
    {
        ["id"] = orderId,
        ["created_at"] = Now,
        ["cancelled_at"] = Now,
        ["line_items"] = new JsonArray([.. lines.Select(l => (JsonNode)new JsonObject { ["id"] = l.VariantId + 1, ["variant_id"] = l.VariantId, ["quantity"] = l.Quantity })]),
    }.ToJsonString();

    private static async Task<double> VelocityAsync(HttpClient http, long variantId) => (await http.VariantAsync(variantId))?.SalesVelocityPerDay ?? 0;

    private static async Task SendAsync(HttpClient http, string topic, string body, string? eventId = null)
    {
        var response = await http.SendAsync(Webhooks.Request(topic, body, eventId: eventId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("customers/data_request", """{"shop_id":954889,"shop_domain":"test-shop.myshopify.com","orders_requested":[299938,280263],"customer":{"id":191167,"email":"john@example.com","phone":"555-625-1199"},"data_request":{"id":9999}}""")]
    [InlineData("customers/redact", """{"shop_id":954889,"shop_domain":"test-shop.myshopify.com","customer":{"id":191167,"email":"john@example.com","phone":"555-625-1199"},"orders_to_redact":[299938,280263]}""")]
    [InlineData("shop/redact", """{"shop_id":954889,"shop_domain":"test-shop.myshopify.com"}""")]
    public async Task Compliance_webhooks_answer_200_signed_and_401_unsigned_or_badly_signed(string topic, string body)
    {
        var http = silo.CreateClient();

        var signed = await http.SendAsync(Webhooks.Request(topic, body));
        var unsigned = await http.SendAsync(Webhooks.Request(topic, body, secret: null));
        var forged = await http.SendAsync(Webhooks.Request(topic, body, secret: "not-the-secret"));

        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        Assert.Equal(new WebhookReceipt(null, false), await signed.Content.ReadFromJsonAsync<WebhookReceipt>());
        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (unsigned.StatusCode, forged.StatusCode));
        // Nothing of the customer is kept: not even a record in Kafka.
        Assert.Empty(Kafka.ReadToEnd(silo.BootstrapServers, new Retail.ServiceDefaults.KafkaTopics().ForWebhook(topic)!));
    }

    [Fact]
    public async Task One_event_delivered_under_two_webhook_ids_is_written_once()
    {
        var eventId = Guid.NewGuid().ToString();
        var body = Records.ProductUpdate(41000, "Event product", (41000000000001, "3.00", 1, null));
        var http = silo.CreateClient();

        var first = await http.SendAsync(Webhooks.Request("products/update", body, webhookId: Guid.NewGuid().ToString(), eventId: eventId));
        var second = await http.SendAsync(Webhooks.Request("products/update", body, webhookId: Guid.NewGuid().ToString(), eventId: eventId));

        Assert.Equal(new WebhookReceipt("plf_products_update", false), await first.Content.ReadFromJsonAsync<WebhookReceipt>());
        Assert.Equal(new WebhookReceipt("plf_products_update", true), await second.Content.ReadFromJsonAsync<WebhookReceipt>());
        Assert.Single(Kafka.ReadToEnd(silo.BootstrapServers, "plf_products_update"), r => r.Header("shopify.event_id") == eventId);
    }

    [Fact]
    public async Task An_order_sent_again_under_another_event_counts_once()
    {
        const long twice = 42000000000001;
        const long reference = 42000000000002;
        var http = silo.CreateClient();

        await SendAsync(http, "orders/create", Order(4200001, (twice, 2)), eventId: Guid.NewGuid().ToString());
        await SendAsync(http, "orders/create", Order(4200001, (twice, 2)), eventId: Guid.NewGuid().ToString());
        // Another order of the variant behind the repeat in its partition (the same key), so that once it shows, the
        // repeat has been applied too.
        using var producer = Kafka.Producer(silo.BootstrapServers);
        await producer.SendAsync("plf_orders_create", "4200001", Order(4200002, (twice, 1)));
        await SendAsync(http, "orders/create", Order(4200003, (reference, 3)));

        // Three units today, as the reference sold in one order; counting the repeat would make it five.
        var expected = await Eventually.GetAsync(() => VelocityAsync(http, reference), v => v > 0, ApiReads.Patience, "the reference order");
        var counted = await Eventually.GetAsync(() => VelocityAsync(http, twice), v => v >= expected, ApiReads.Patience, "both orders");
        Assert.Equal(expected, counted);
    }

    [Fact]
    public async Task A_cancelled_order_no_longer_counts()
    {
        const long variant = 43000000000001;
        var http = silo.CreateClient();
        await SendAsync(http, "orders/create", Order(4300001, (variant, 2)));
        await Eventually.GetAsync(() => VelocityAsync(http, variant), v => v > 0, ApiReads.Patience, "the order");

        await SendAsync(http, "orders/cancelled", Order(4300001, (variant, 2)));

        Assert.Equal(0, await Eventually.GetAsync(() => VelocityAsync(http, variant), v => v == 0, ApiReads.Patience, "the cancellation"));
    }

    [Fact]
    public async Task A_refund_takes_back_its_units_once_and_restocked_ones_are_on_hand_again()
    {
        const long refunded = 44000000000001;
        const long reference = 44000000000002;
        var http = silo.CreateClient();
        await SendAsync(http, "products/create", Records.ProductUpdate(44000, "Refunded", (refunded, "5.00", 10, null)));
        await http.WaitForVariantAsync(refunded, v => v.InventoryQuantity == 10, "the product");
        await SendAsync(http, "orders/create", Order(4400001, (refunded, 3)));
        await SendAsync(http, "orders/create", Order(4400002, (reference, 1)));
        var oneUnit = await Eventually.GetAsync(() => VelocityAsync(http, reference), v => v > 0, ApiReads.Patience, "one unit");
        await Eventually.GetAsync(() => VelocityAsync(http, refunded), v => v > oneUnit, ApiReads.Patience, "the order");

        // Two units back, one of them restocked; Shopify delivers it twice.
        var refund = Refund(4400101, 4400001, refunded, (1, "return"), (1, "no_restock"));
        await SendAsync(http, "refunds/create", refund);
        await SendAsync(http, "refunds/create", refund);

        var after = await http.WaitForVariantAsync(refunded, v => v.InventoryQuantity == 11, "the restock");
        Assert.Equal(oneUnit, await Eventually.GetAsync(() => VelocityAsync(http, refunded), v => v == oneUnit, ApiReads.Patience, "one unit left"));

        // A later refund of the same order, behind the repeat in its partition: 3 more restocked gives 14, where a
        // repeat counted twice would have given 15.
        await SendAsync(http, "refunds/create", Refund(4400102, 4400001, refunded, (3, "return")));

        var last = await http.WaitForVariantAsync(refunded, v => v.InventoryQuantity >= 14, "the second refund");
        Assert.Equal((11L, 14L), (after.InventoryQuantity!.Value, last.InventoryQuantity!.Value));
        Assert.Equal(0, await Eventually.GetAsync(() => VelocityAsync(http, refunded), v => v == 0, ApiReads.Patience, "no unit left"));
    }

    private static string Refund(long refundId, long orderId, long variantId, params (long Quantity, string RestockType)[] lines) => new JsonObject
    {
        ["id"] = refundId,
        ["order_id"] = orderId,
        ["created_at"] = DateTimeOffset.UtcNow.ToString("o", CultureInfo.InvariantCulture),
        ["refund_line_items"] = new JsonArray([.. lines.Select((l, i) => (JsonNode)new JsonObject
        {
            ["id"] = i + 1,
            ["quantity"] = l.Quantity,
            ["line_item_id"] = 5,
            ["restock_type"] = l.RestockType,
            ["line_item"] = new JsonObject { ["id"] = 5, ["variant_id"] = variantId, ["quantity"] = 3 },
        })]),
    }.ToJsonString();

    [Fact]
    public async Task A_deleted_product_answers_410_and_leaves_trending_and_stock_risk()
    {
        const long variant = 45000000000001;
        var http = silo.CreateClient();
        await SendAsync(http, "products/create", Records.ProductUpdate(45000, "Doomed", (variant, "9.00", 2, null)));
        await SendAsync(http, "orders/create", Order(4500001, (variant, 1)));
        var clicks = await http.PostAsync(new Uri("/api/clickstream", UriKind.Relative), new StringContent($"[{string.Join(',', Enumerable.Repeat(Records.Click(variant, "contentView"), 50))}]", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Accepted, clicks.StatusCode);
        await Eventually.GetAsync(() => http.GetFromJsonAsync<TrendingVariant[]>(new Uri("/api/trending?limit=100", UriKind.Relative)), t => t!.Any(v => v.VariantId == variant), ApiReads.Patience, "the variant trending");
        await Eventually.GetAsync(() => http.GetFromJsonAsync<StockRiskVariant[]>(new Uri("/api/stock-risk?days=3650", UriKind.Relative)), t => t!.Any(v => v.VariantId == variant), ApiReads.Patience, "the variant at risk");

        await SendAsync(http, "products/delete", """{"id":45000}""");

        var gone = await Eventually.GetAsync(() => http.GetAsync(new Uri($"/api/variants/{variant}", UriKind.Relative)), r => r.StatusCode == HttpStatusCode.Gone, ApiReads.Patience, "410 Gone");
        Assert.Equal("application/problem+json", gone.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await gone.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((410, "Variant deleted"), (problem.GetProperty("status").GetInt32(), problem.GetProperty("title").GetString()));
        await Eventually.GetAsync(() => http.GetFromJsonAsync<TrendingVariant[]>(new Uri("/api/trending?limit=100", UriKind.Relative)), t => t!.All(v => v.VariantId != variant), ApiReads.Patience, "the variant gone from trending");
        await Eventually.GetAsync(() => http.GetFromJsonAsync<StockRiskVariant[]>(new Uri("/api/stock-risk?days=3650", UriKind.Relative)), t => t!.All(v => v.VariantId != variant), ApiReads.Patience, "the variant gone from stock risk");
    }
}

using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Retail.Api.Ingest;
using Retail.IntegrationTests.Infrastructure;

namespace Retail.IntegrationTests.Ingest;

[Collection(SiloGroup.Name)]
[Trait("Category", "Kafka")]
public sealed class ShopifyWebhookTests(SiloFactory silo)
{
    private static string UniqueProduct(long productId, long variantId, string price = "9.99") =>
        new JsonObject
        {
            ["id"] = productId,
            ["title"] = "Webhook product",
            ["vendor"] = "Hooks",
            ["variants"] = new JsonArray(new JsonObject { ["id"] = variantId, ["product_id"] = productId, ["price"] = price, ["inventory_quantity"] = 12, ["sku"] = "hook-1" }),
        }.ToJsonString();

    private int CountWritten(string topic, string webhookId) =>
        Kafka.ReadToEnd(silo.BootstrapServers, topic).Count(r => r.Header("shopify.webhook_id") == webhookId);

    [Theory]
    [InlineData("products/update", "products_update.example-tshirt.json", "plf_products_update", "788032119674292922")]
    [InlineData("orders/create", "orders_create.example.json", "plf_orders_create", "820982911946154508")]
    [InlineData("inventory_levels/update", "inventory_levels_update.example.json", "plf_inventory_levels_update", "808950810")]
    public async Task Shopify_fixtures_are_accepted_and_written_to_their_topic_keyed_by_id(string topic, string fixture, string kafkaTopic, string key)
    {
        var body = Fixture.Shopify(fixture);
        var webhookId = Guid.NewGuid().ToString();

        var response = await silo.CreateClient().SendAsync(Webhooks.Request(topic, body, webhookId: webhookId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new WebhookReceipt(kafkaTopic, false), await response.Content.ReadFromJsonAsync<WebhookReceipt>());
        var record = Kafka.ReadToEnd(silo.BootstrapServers, kafkaTopic).Single(r => r.Header("shopify.webhook_id") == webhookId);
        Assert.Equal(key, Encoding.UTF8.GetString(record.Message.Key));
        Assert.Equal(body, Encoding.UTF8.GetString(record.Message.Value));
        Assert.Equal(topic, record.Header("shopify.topic"));
        Assert.Equal("test-shop.myshopify.com", record.Header("shopify.shop_domain"));
    }

    [Fact]
    public async Task Lower_case_header_names_are_accepted()
    {
        var response = await silo.CreateClient().SendAsync(Webhooks.Request("products/update", UniqueProduct(81, 81000000000001), lowerCase: true));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_duplicate_delivery_is_acknowledged_but_written_once()
    {
        var webhookId = Guid.NewGuid().ToString();
        var body = UniqueProduct(82, 82000000000001);
        var http = silo.CreateClient();

        var first = await http.SendAsync(Webhooks.Request("products/update", body, webhookId: webhookId));
        var again = await http.SendAsync(Webhooks.Request("products/update", body, webhookId: webhookId));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        Assert.False((await first.Content.ReadFromJsonAsync<WebhookReceipt>())!.Duplicate);
        Assert.True((await again.Content.ReadFromJsonAsync<WebhookReceipt>())!.Duplicate);
        Assert.Equal(1, CountWritten("plf_products_update", webhookId));
    }

    [Fact]
    public async Task Missing_bad_and_foreign_signatures_and_tampered_bodies_are_401_and_not_written()
    {
        var body = UniqueProduct(83, 83000000000001);
        var http = silo.CreateClient();
        var ids = Enumerable.Range(0, 4).Select(_ => Guid.NewGuid().ToString()).ToArray();

        HttpRequestMessage[] requests =
        [
            Webhooks.Request("products/update", body, secret: null, webhookId: ids[0]),
            Webhooks.Request("products/update", body, signatureOverride: "bm90IGEgc2lnbmF0dXJl", webhookId: ids[1]),
            Webhooks.Request("products/update", body, secret: "someone-elses-key", webhookId: ids[2]),
            Tampered(Webhooks.Request("products/update", body, webhookId: ids[3])),
        ];
        foreach (var request in requests)
        {
            var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        Assert.All(ids, id => Assert.Equal(0, CountWritten("plf_products_update", id)));

        static HttpRequestMessage Tampered(HttpRequestMessage request)
        {
            request.Content = new StringContent(UniqueProduct(83, 83000000000001, price: "0.01"), Encoding.UTF8, "application/json");
            return request;
        }
    }

    [Fact]
    public async Task Invalid_json_is_400_after_the_signature_and_an_oversize_body_is_413()
    {
        var http = silo.CreateClient();

        var invalid = await http.SendAsync(Webhooks.Request("products/update", "{not json"));
        var unsignedInvalid = await http.SendAsync(Webhooks.Request("products/update", "{not json", secret: null));
        var huge = await http.SendAsync(Webhooks.Request("products/update", $$"""{"id":1,"pad":"{{new string('x', 1024 * 1024)}}"}"""));
        var noTopic = await http.SendAsync(Webhooks.Request("", UniqueProduct(84, 84000000000001)));

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unsignedInvalid.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noTopic.StatusCode);
    }

    [Fact]
    public async Task The_largest_body_accepted_is_written_to_kafka_and_one_that_kafka_could_never_take_is_413()
    {
        var http = silo.CreateClient();
        var webhookId = Guid.NewGuid().ToString();
        // Padded to just under Kafka's 1,000,000 bytes with its key and headers, and to just over.
        static string Padded(long id, int bytes) => $$"""{"id":{{id}},"pad":"{{new string('x', bytes - 40)}}"}""";
        var fits = Padded(86, 999_000);
        var over = Padded(87, 999_990);

        var written = await http.SendAsync(Webhooks.Request("products/update", fits, webhookId: webhookId));
        var refused = await http.SendAsync(Webhooks.Request("products/update", over));
        var refusedAgain = await http.SendAsync(Webhooks.Request("products/update", over));

        Assert.Equal(HttpStatusCode.OK, written.StatusCode);
        Assert.Equal(fits, Encoding.UTF8.GetString(Kafka.ReadToEnd(silo.BootstrapServers, "plf_products_update").Single(r => r.Header("shopify.webhook_id") == webhookId).Message.Value));
        // Answered 413, not 503: Shopify would retry a 503 eight times and then delete the subscription.
        Assert.Equal([HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.RequestEntityTooLarge], new[] { refused.StatusCode, refusedAgain.StatusCode });
        Assert.Contains("Kafka:MaxMessageBytes", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_products_update_posted_to_the_api_shows_up_on_the_variant()
    {
        const long variant = 85000000000001;
        var http = silo.CreateClient();

        var response = await http.SendAsync(Webhooks.Request("products/update", UniqueProduct(85, variant, price: "14.25")));
        var snapshot = await http.WaitForVariantAsync(variant, v => v.Price is not null, "the webhook's product update");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((85L, 14.25m, 12L, "hook-1"), (snapshot.ProductId!.Value, snapshot.Price!.Value, snapshot.InventoryQuantity!.Value, snapshot.Sku));
        Assert.Equal(85.ToString(CultureInfo.InvariantCulture), Encoding.UTF8.GetString(
            Kafka.ReadToEnd(silo.BootstrapServers, "plf_products_update").Last(r => Encoding.UTF8.GetString(r.Message.Value).Contains("85000000000001", StringComparison.Ordinal)).Message.Key));
    }
}

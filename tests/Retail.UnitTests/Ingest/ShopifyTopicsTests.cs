using System.Text.Json;
using Retail.Api.Ingest;
using Retail.ServiceDefaults;

namespace Retail.UnitTests.Ingest;

public class ShopifyTopicsTests
{
    [Theory]
    [InlineData("products/update", "plf_products_update")]
    [InlineData("orders/create", "plf_orders_create")]
    [InlineData("inventory_levels/update", "plf_inventory_levels_update")]
    [InlineData("products/create", "plf_products_update")]
    [InlineData("products/delete", "plf_products_update")]
    [InlineData("orders/cancelled", "plf_orders_cancelled")]
    [InlineData("refunds/create", "plf_refunds_create")]
    [InlineData("app/uninstalled ", "plf_app_uninstalled")]
    [InlineData("weird topic:name", "plf_weird_topic_name")]
    public void Names_topics_as_the_seed_connector_did(string webhookTopic, string expected)
    {
        Assert.Equal(expected, new KafkaTopics().ForWebhook(webhookTopic));
    }

    [Fact]
    public void Webhooks_go_to_the_configured_topics()
    {
        var topics = new KafkaTopics { ProductsUpdate = "shop.products", ShopifyPrefix = "shop." };

        Assert.Equal(("shop.products", "plf_orders_create", "shop.carts_update"), (topics.ForWebhook("products/update"), topics.ForWebhook("orders/create"), topics.ForWebhook("carts/update")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Has_no_topic_without_a_header(string? webhookTopic)
    {
        Assert.Null(new KafkaTopics().ForWebhook(webhookTopic));
    }

    [Theory]
    [InlineData("products/update", """{"id":788032119674292922,"title":"x"}""", "788032119674292922")]
    [InlineData("orders/create", """{"id":820982911946154508}""", "820982911946154508")]
    [InlineData("refunds/create", """{"id":929361462,"order_id":450789469}""", "450789469")]
    [InlineData("inventory_levels/update", """{"inventory_item_id":808950810,"location_id":1}""", "808950810")]
    [InlineData("products/update", """{"title":"no id"}""", null)]
    [InlineData("products/update", """[1]""", null)]
    public void Keys_records_by_the_resource_id(string topic, string json, string? key)
    {
        using var document = JsonDocument.Parse(json);

        Assert.Equal(key, ShopifyTopics.Key(topic, document.RootElement));
    }
}

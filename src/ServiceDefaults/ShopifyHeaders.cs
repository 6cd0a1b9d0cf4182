namespace Retail.ServiceDefaults;

/// <summary>The Kafka headers of a Shopify record: written by the webhook receiver and the catalog sync, read by the mapper.</summary>
public static class ShopifyHeaders
{
    /// <summary>The Shopify topic (<c>products/update</c>, <c>products/delete</c>, ...).</summary>
    public const string Topic = "shopify.topic";

    public const string WebhookId = "shopify.webhook_id";

    public const string EventId = "shopify.event_id";

    public const string ShopDomain = "shopify.shop_domain";

    public const string TriggeredAt = "shopify.triggered_at";
}

namespace Retail.Api.Ingest;

/// <summary>Shopify webhook settings, bound from <c>Shopify</c>.</summary>
public sealed class ShopifyOptions
{
    public const string Section = "Shopify";

    /// <summary>The app's client secret, the HMAC key. Never committed; the local run generates one when unset.</summary>
    public string WebhookSecret { get; set; } = string.Empty;

    /// <summary>How long a write may wait for Kafka before the webhook is refused with 503; Shopify waits 5 s.</summary>
    public TimeSpan WriteTimeout { get; set; } = TimeSpan.FromSeconds(3);
}

/// <summary>Clickstream collector settings, bound from <c>Clickstream</c>.</summary>
public sealed class ClickstreamOptions
{
    public const string Section = "Clickstream";

    /// <summary>Most events in one request.</summary>
    public int MaxEvents { get; set; } = 10_000;

    /// <summary>Largest request body accepted; larger ones get 413.</summary>
    public int MaxBodyBytes { get; set; } = 4 * 1024 * 1024;
}

/// <summary>API access settings, bound from <c>Api</c>.</summary>
public sealed class ApiAccessOptions
{
    public const string Section = "Api";

    /// <summary>When set, ingest and admin endpoints require it in the <c>X-Api-Key</c> header.</summary>
    public string? Key { get; set; }
}

/// <summary>The API's Kafka writes, bound from <c>Kafka</c>.</summary>
public sealed class KafkaWriteOptions
{
    public const string Section = "Kafka";

    /// <summary>
    /// Largest record the API writes, key and headers included: the producer's <c>message.max.bytes</c>, and so
    /// the largest webhook body. Kafka's own default; a broker takes 1,048,588 bytes per batch unless told more.
    /// </summary>
    public int MaxMessageBytes { get; set; } = 1_000_000;
}

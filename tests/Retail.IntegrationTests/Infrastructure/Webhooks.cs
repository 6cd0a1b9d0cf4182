using System.Text;
using Retail.Api.Ingest;

namespace Retail.IntegrationTests.Infrastructure;

/// <summary>Posts webhooks the way Shopify does: raw body, topic and id headers, base64 HMAC-SHA256 signature.</summary>
internal static class Webhooks
{
    public static HttpRequestMessage Request(string topic, string body, string? secret = SiloFactory.WebhookSecret, string? webhookId = null, bool lowerCase = false, string? signatureOverride = null, string? eventId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/webhooks/shopify", UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        string Name(string header) => lowerCase ? header.ToLowerInvariant() : header;
        request.Headers.Add(Name("X-Shopify-Topic"), topic);
        request.Headers.Add(Name("X-Shopify-Shop-Domain"), "test-shop.myshopify.com");
        request.Headers.Add(Name("X-Shopify-Webhook-Id"), webhookId ?? Guid.NewGuid().ToString());
        if (eventId is not null)
        {
            request.Headers.Add(Name("X-Shopify-Event-Id"), eventId);
        }

        request.Headers.Add(Name("X-Shopify-Triggered-At"), DateTimeOffset.UtcNow.ToString("o", System.Globalization.CultureInfo.InvariantCulture));
        var signature = signatureOverride ?? (secret is null ? null : ShopifySignature.Sign(secret, Encoding.UTF8.GetBytes(body)));
        if (signature is not null)
        {
            request.Headers.Add(Name("X-Shopify-Hmac-Sha256"), signature);
        }

        return request;
    }
}

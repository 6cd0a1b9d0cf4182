using System.Globalization;
using System.Text.Json;

namespace Retail.Api.Ingest;

/// <summary>The Kafka key of a webhook's record, as the seed's connector chose it; its topic is <see cref="ServiceDefaults.KafkaTopics.ForWebhook"/>.</summary>
public static class ShopifyTopics
{
    /// <summary>The app was uninstalled from the shop.</summary>
    public const string AppUninstalled = "app/uninstalled";

    /// <summary>The mandatory privacy webhooks of App Store apps.</summary>
    public static bool IsCompliance(string webhookTopic) => webhookTopic is "customers/data_request" or "customers/redact" or "shop/redact";

    /// <summary>
    /// The record key: the inventory item id for inventory levels, otherwise the resource's own id (the product
    /// or order id); <c>null</c> when the body has none.
    /// </summary>
    public static string? Key(string webhookTopic, JsonElement body)
    {
        // Keyed like the record's topic: inventory by item, refunds by their order (so they follow its cancellation), the rest by id.
        var field = webhookTopic.StartsWith("inventory_levels/", StringComparison.Ordinal) ? "inventory_item_id"
            : webhookTopic.StartsWith("refunds/", StringComparison.Ordinal) ? "order_id"
            : "id";
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty(field, out var id))
        {
            return null;
        }

        return id.ValueKind switch
        {
            JsonValueKind.Number when id.TryGetInt64(out var number) => number.ToString(CultureInfo.InvariantCulture),
            JsonValueKind.String => id.GetString(),
            _ => null,
        };
    }
}

using System.Globalization;
using System.Text.Json;

namespace Retail.Api.Ingest;

/// <summary>The Kafka key of a webhook's record, as the seed's connector chose it; its topic is <see cref="ServiceDefaults.KafkaTopics.ForWebhook"/>.</summary>
public static class ShopifyTopics
{
    /// <summary>
    /// The record key: the inventory item id for inventory levels, otherwise the resource's own id (the product
    /// or order id); <c>null</c> when the body has none.
    /// </summary>
    public static string? Key(string webhookTopic, JsonElement body)
    {
        var field = webhookTopic.StartsWith("inventory_levels/", StringComparison.Ordinal) ? "inventory_item_id" : "id";
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

using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Retail.Api.Ingest;

/// <summary>Where a webhook goes in Kafka: its topic and key, as the seed's connector chose them.</summary>
public static class ShopifyTopics
{
    /// <summary>
    /// <c>prefix</c> + the webhook topic with every character Kafka does not allow in a topic name
    /// (anything but letters, digits, '.', '_' and '-') turned into '_': "products/update" gives "plf_products_update".
    /// </summary>
    public static string? KafkaTopic(string prefix, string? webhookTopic)
    {
        if (string.IsNullOrWhiteSpace(webhookTopic) || webhookTopic.Length > 200)
        {
            return null;
        }

        var name = new StringBuilder(prefix, prefix.Length + webhookTopic.Length);
        foreach (var c in webhookTopic.Trim())
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '_');
        }

        return name.ToString();
    }

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

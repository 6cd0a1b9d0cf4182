using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Retail.Grains.Abstractions.Events;

namespace Retail.Silo.Mapping;

/// <summary>
/// Reads Shopify webhook bodies: raw, or wrapped as <c>{"payload": ...}</c> by the seed's connector. Ids are
/// read as 64-bit integers, never through a double.
/// </summary>
public static class ShopifyJson
{
    /// <summary>A <c>products/update</c> body: the product, and one event per variant.</summary>
    public static (ProductUpdated Product, ImmutableArray<VariantUpdated> Variants) ReadProductUpdate(
        ReadOnlyMemory<byte> body, DateTimeOffset recordTime)
    {
        using var document = Parse(body);
        var product = Unwrap(document.RootElement, "product");
        var productId = RequiredId(product, "id");
        var title = OptionalString(product, "title");
        var vendor = OptionalString(product, "vendor");
        var updatedAt = OptionalTime(product, "updated_at") ?? recordTime;
        if (!product.TryGetProperty("variants", out var variantsJson) || variantsJson.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException("variants must be an array");
        }

        var variants = ImmutableArray.CreateBuilder<VariantUpdated>();
        foreach (var variant in variantsJson.EnumerateArray())
        {
            var variantId = RequiredId(variant, "id");
            variants.Add(new VariantUpdated(
                variantId,
                OptionalId(variant, "product_id") ?? productId,
                title,
                OptionalString(variant, "title"),
                vendor,
                OptionalString(variant, "sku"),
                OptionalPrice(variant, "price"),
                OptionalLong(variant, "inventory_quantity"),
                OptionalLong(variant, "old_inventory_quantity"),
                OptionalId(variant, "inventory_item_id"),
                OptionalTime(variant, "updated_at") ?? updatedAt));
        }

        var productEvent = new ProductUpdated(productId, title, vendor, [.. variants.Select(v => v.VariantId)], updatedAt);
        return (productEvent, variants.ToImmutable());
    }

    /// <summary>
    /// An <c>orders/create</c> body: one sale per variant the line items name, of all their units, so that the variant
    /// can count the order once by its id.
    /// </summary>
    public static ImmutableArray<VariantSold> ReadOrder(ReadOnlyMemory<byte> body, DateTimeOffset recordTime) =>
        ReadOrderLines(body, recordTime, "created_at", (variantId, orderId, units, at) => new VariantSold(variantId, orderId, units, at));

    /// <summary>An <c>orders/cancelled</c> body: one cancellation per variant its line items name.</summary>
    public static ImmutableArray<OrderCancelled> ReadCancellation(ReadOnlyMemory<byte> body, DateTimeOffset recordTime) =>
        ReadOrderLines(body, recordTime, "cancelled_at", (variantId, orderId, _, at) => new OrderCancelled(variantId, orderId, at));

    /// <summary>An order body's line items, one event per variant, timed by <paramref name="timeField"/> or else the record.</summary>
    private static ImmutableArray<T> ReadOrderLines<T>(
        ReadOnlyMemory<byte> body, DateTimeOffset recordTime, string timeField, Func<long, long, long, DateTimeOffset, T> create)
    {
        using var document = Parse(body);
        var order = Unwrap(document.RootElement, "order");
        var orderId = RequiredId(order, "id");
        var at = OptionalTime(order, timeField) ?? recordTime;
        return [.. UnitsPerVariant(order, "line_items", item => (OptionalId(item, "variant_id"), OptionalLong(item, "quantity") ?? 0, 0))
            .Select(v => create(v.VariantId, orderId, v.Units, at))];
    }

    /// <summary>
    /// A <c>refunds/create</c> body: per variant, the units its refund line items take back, and how many of them were
    /// restocked (restock type <c>return</c>, <c>cancel</c> or <c>legacy_restock</c>).
    /// </summary>
    public static ImmutableArray<VariantRefunded> ReadRefund(ReadOnlyMemory<byte> body, DateTimeOffset recordTime)
    {
        using var document = Parse(body);
        var refund = Unwrap(document.RootElement, "refund");
        var refundId = RequiredId(refund, "id");
        var orderId = RequiredId(refund, "order_id");
        var refundedAt = OptionalTime(refund, "created_at") ?? recordTime;
        return [.. UnitsPerVariant(refund, "refund_line_items", item =>
            {
                var quantity = OptionalLong(item, "quantity") ?? 0;
                var variantId = item.TryGetProperty("line_item", out var line) && line.ValueKind == JsonValueKind.Object ? OptionalId(line, "variant_id") : null;
                var restocked = OptionalString(item, "restock_type") is "return" or "cancel" or "legacy_restock" ? quantity : 0;
                return (variantId, quantity, restocked);
            })
            .Select(v => new VariantRefunded(v.VariantId, orderId, refundId, v.Units, v.Restocked, refundedAt))];
    }

    /// <summary>A <c>products/delete</c> body: only the product's id; the time is the record's.</summary>
    public static ProductDeleted ReadProductDelete(ReadOnlyMemory<byte> body, DateTimeOffset recordTime)
    {
        using var document = Parse(body);
        return new ProductDeleted(RequiredId(Unwrap(document.RootElement, "product"), "id"), recordTime);
    }

    /// <summary>
    /// The units of the items of <paramref name="arrayName"/> summed per variant, in the order first named. Items
    /// without a variant (custom line items) or without units cannot move any variant's velocity.
    /// </summary>
    private static List<(long VariantId, long Units, long Restocked)> UnitsPerVariant(
        JsonElement parent, string arrayName, Func<JsonElement, (long? VariantId, long Units, long Restocked)> read)
    {
        if (!parent.TryGetProperty(arrayName, out var items) || items.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"{arrayName} must be an array");
        }

        var totals = new List<(long VariantId, long Units, long Restocked)>();
        foreach (var item in items.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object || read(item) is not { VariantId: { } variantId, Units: > 0 } line)
            {
                continue;
            }

            var at = totals.FindIndex(t => t.VariantId == variantId);
            if (at < 0)
            {
                totals.Add((variantId, line.Units, line.Restocked));
            }
            else
            {
                totals[at] = (variantId, totals[at].Units + line.Units, totals[at].Restocked + line.Restocked);
            }
        }

        return totals;
    }

    /// <summary>An <c>inventory_levels/update</c> body.</summary>
    public static InventoryLevelChanged ReadInventoryLevel(ReadOnlyMemory<byte> body, DateTimeOffset recordTime)
    {
        using var document = Parse(body);
        var level = Unwrap(document.RootElement, "inventory_level");
        return new InventoryLevelChanged(
            RequiredId(level, "inventory_item_id"),
            RequiredId(level, "location_id"),
            OptionalLong(level, "available") ?? throw new InvalidDataException("available is missing"),
            OptionalTime(level, "updated_at") ?? recordTime);
    }

    private static JsonDocument Parse(ReadOnlyMemory<byte> body)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"invalid JSON: {ex.Message}", ex);
        }
    }

    /// <summary>Takes the body out of the seed connector's <c>payload</c> envelope, or a named wrapper, when present.</summary>
    private static JsonElement Unwrap(JsonElement root, string wrapper)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException("expected a JSON object");
        }

        foreach (var name in new[] { "payload", "PAYLOAD", wrapper })
        {
            if (root.TryGetProperty(name, out var inner) && inner.ValueKind == JsonValueKind.Object && !root.TryGetProperty("id", out _))
            {
                return inner;
            }
        }

        return root;
    }

    private static long RequiredId(JsonElement element, string name) =>
        OptionalId(element, name) ?? throw new InvalidDataException($"{name} is missing");

    private static long? OptionalId(JsonElement element, string name)
    {
        var value = OptionalLong(element, name);
        return value switch
        {
            null => null,
            > 0 => value,
            _ => throw new InvalidDataException($"{name} must be a positive 64-bit integer"),
        };
    }

    private static long? OptionalLong(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number))
        {
            return number;
        }

        if (value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number))
        {
            return number;
        }

        throw new InvalidDataException($"{name} must be a 64-bit integer");
    }

    private static decimal? OptionalPrice(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        // Shopify sends prices as strings ("19.99"); some producers send numbers.
        var ok = value.ValueKind switch
        {
            JsonValueKind.String => decimal.TryParse(value.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) ? parsed : (decimal?)null,
            JsonValueKind.Number => value.TryGetDecimal(out var number) ? number : null,
            _ => null,
        };
        return ok is >= 0 ? ok : throw new InvalidDataException($"{name} must be a non-negative decimal");
    }

    private static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateTimeOffset? OptionalTime(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : null;
}

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

    /// <summary>An <c>orders/create</c> body: one sale per line item that names a variant.</summary>
    public static ImmutableArray<VariantSold> ReadOrder(ReadOnlyMemory<byte> body, DateTimeOffset recordTime)
    {
        using var document = Parse(body);
        var order = Unwrap(document.RootElement, "order");
        var orderId = RequiredId(order, "id");
        var soldAt = OptionalTime(order, "created_at") ?? recordTime;
        if (!order.TryGetProperty("line_items", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException("line_items must be an array");
        }

        var sales = ImmutableArray.CreateBuilder<VariantSold>();
        foreach (var item in items.EnumerateArray())
        {
            // Custom line items have no variant; they cannot move any variant's velocity.
            if (OptionalId(item, "variant_id") is { } variantId && OptionalLong(item, "quantity") is { } quantity && quantity > 0)
            {
                sales.Add(new VariantSold(variantId, orderId, quantity, soldAt));
            }
        }

        return sales.ToImmutable();
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

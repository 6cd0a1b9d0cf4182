namespace Retail.Shopify.Admin;

/// <summary>Shopify's leaky bucket of query cost points, as <c>extensions.cost.throttleStatus</c> reports it.</summary>
public readonly record struct ThrottleStatus(double MaximumAvailable, double CurrentlyAvailable, double RestoreRate)
{
    /// <summary>Reads <c>extensions.cost</c> from a response; <c>null</c> when it has none.</summary>
    public static (ThrottleStatus Status, double? RequestedCost)? Read(JsonElement response)
    {
        if (response.ValueKind != JsonValueKind.Object
            || !response.TryGetProperty("extensions", out var extensions) || extensions.ValueKind != JsonValueKind.Object
            || !extensions.TryGetProperty("cost", out var cost) || cost.ValueKind != JsonValueKind.Object
            || !cost.TryGetProperty("throttleStatus", out var status) || status.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        double? requested = cost.TryGetProperty("requestedQueryCost", out var r) && r.ValueKind == JsonValueKind.Number ? r.GetDouble() : null;
        return (new ThrottleStatus(Number(status, "maximumAvailable"), Number(status, "currentlyAvailable"), Number(status, "restoreRate")), requested);

        static double Number(JsonElement e, string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : 0;
    }
}

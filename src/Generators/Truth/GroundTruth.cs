using System.Text.Json;
using System.Text.Json.Serialization;

namespace Retail.Generators.Truth;

/// <summary>
/// What the generated events should add up to, per variant: clickstream counts by activity, units ordered and
/// returned, and the last inventory quantity sent. Written to a file for checking a run against.
/// </summary>
public sealed class GroundTruth
{
    private readonly Lock _lock = new();
    private readonly SortedDictionary<long, VariantTruth> _variants = [];

    public void Activity(long variantId, string activity)
    {
        lock (_lock)
        {
            var variant = Variant(variantId);
            variant.Activity[activity] = variant.Activity.GetValueOrDefault(activity) + 1;
        }
    }

    public void Ordered(long variantId, long units)
    {
        lock (_lock)
        {
            Variant(variantId).UnitsOrdered += units;
        }
    }

    public void Returned(long variantId, long units)
    {
        lock (_lock)
        {
            Variant(variantId).UnitsReturned += units;
        }
    }

    public void Quantity(long variantId, long quantity)
    {
        lock (_lock)
        {
            Variant(variantId).InventoryQuantity = quantity;
        }
    }

    /// <summary>A copy of the truth so far, by variant id.</summary>
    public IReadOnlyDictionary<long, VariantTruth> Snapshot()
    {
        lock (_lock)
        {
            return _variants.ToDictionary(v => v.Key, v => v.Value.Copy());
        }
    }

    public async Task WriteAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, Snapshot().Select(v => new { variantId = v.Key, v.Value.Activity, v.Value.UnitsOrdered, v.Value.UnitsReturned, v.Value.InventoryQuantity }), Options, cancellationToken);
    }

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private VariantTruth Variant(long variantId)
    {
        if (!_variants.TryGetValue(variantId, out var variant))
        {
            variant = new VariantTruth();
            _variants[variantId] = variant;
        }

        return variant;
    }
}

/// <summary>The expected totals of one variant.</summary>
public sealed class VariantTruth
{
    public SortedDictionary<string, long> Activity { get; init; } = new(StringComparer.Ordinal);

    public long UnitsOrdered { get; set; }

    public long UnitsReturned { get; set; }

    public long? InventoryQuantity { get; set; }

    internal VariantTruth Copy() => new()
    {
        Activity = new SortedDictionary<string, long>(Activity, StringComparer.Ordinal),
        UnitsOrdered = UnitsOrdered,
        UnitsReturned = UnitsReturned,
        InventoryQuantity = InventoryQuantity,
    };
}

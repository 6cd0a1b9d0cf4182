using System.Text.Json.Serialization;

namespace Retail.Benchmarks.EndToEnd.Baseline;

/// <summary>What the baseline processes read of a clickstream record; the other fields are ignored.</summary>
internal sealed record ClickEvent(
    [property: JsonPropertyName("product_variant_id")] long VariantId,
    [property: JsonPropertyName("activity")] string Activity);

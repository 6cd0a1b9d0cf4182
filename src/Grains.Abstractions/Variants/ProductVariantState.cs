namespace Retail.Grains.Abstractions.Variants;

/// <summary>The durable state of a variant grain.</summary>
[GenerateSerializer]
public sealed record ProductVariantState
{
    /// <summary>Clickstream counts by activity.</summary>
    [Id(0)]
    public ActivityCounts Activity { get; init; } = ActivityCounts.None;

    /// <summary>When the last event was applied; <c>null</c> while the variant has never been seen.</summary>
    [Id(1)]
    public DateTimeOffset? UpdatedAt { get; init; }
}

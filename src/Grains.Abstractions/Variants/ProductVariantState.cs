using System.Collections.Immutable;
using Retail.Grains.Abstractions.Events;

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

    [Id(2)]
    public long? ProductId { get; init; }

    [Id(3)]
    public string? ProductTitle { get; init; }

    [Id(4)]
    public string? VariantTitle { get; init; }

    [Id(5)]
    public string? Vendor { get; init; }

    [Id(6)]
    public string? Sku { get; init; }

    /// <summary>The latest Shopify price.</summary>
    [Id(7)]
    public decimal? BasePrice { get; init; }

    /// <summary>The latest Shopify inventory quantity, from product updates or inventory levels.</summary>
    [Id(8)]
    public long? InventoryQuantity { get; init; }

    [Id(9)]
    public long? OldInventoryQuantity { get; init; }

    [Id(10)]
    public long? InventoryItemId { get; init; }

    /// <summary>The Shopify time of the inventory quantity, so an older update cannot overwrite a newer one.</summary>
    [Id(11)]
    public DateTimeOffset? InventoryAsOf { get; init; }

    [Id(12)]
    public ActivityWindow Views { get; init; } = ActivityWindow.Empty;

    [Id(13)]
    public ActivityWindow AddToCarts { get; init; } = ActivityWindow.Empty;

    [Id(14)]
    public ActivityWindow Purchases { get; init; } = ActivityWindow.Empty;

    [Id(15)]
    public SalesSignals Sales { get; init; } = SalesSignals.None;

    [Id(16)]
    public decimal? DynamicPrice { get; init; }

    [Id(17)]
    public DateTimeOffset? PriceChangedAt { get; init; }

    /// <summary>Recent price decisions, newest first.</summary>
    [Id(18)]
    public ImmutableList<PriceDecision> RecentDecisions { get; init; } = [];

    /// <summary>The last forecast published, so only changes go out.</summary>
    [Id(19)]
    public SellThroughForecast? PublishedForecast { get; init; }

    /// <summary>The last applied position per source stream partition ("namespace/partition").</summary>
    [Id(20)]
    public ImmutableDictionary<string, SourcePosition> Applied { get; init; } = ImmutableDictionary<string, SourcePosition>.Empty;
}

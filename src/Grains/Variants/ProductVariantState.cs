using System.Collections.Immutable;
using Retail.Grains.ExactlyOnce;

namespace Retail.Grains.Variants;

/// <summary>The durable state of a variant grain.</summary>
/// <remarks>
/// A silo holds one per active variant, a hundred thousand or more, so what a variant lacks costs one null
/// reference instead of a run of empty fields: Shopify's catalog fields and the stock level are records of
/// their own, and the current price is the latest decision's. Saved in Orleans' version-tolerant format: a
/// field added later gets a new id, and an id is never reused.
/// </remarks>
[GenerateSerializer, Immutable]
public sealed record ProductVariantState : IPositionedState<ProductVariantState>
{
    /// <summary>Clickstream counts by activity.</summary>
    [Id(0)]
    public ActivityCounts Activity { get; init; } = ActivityCounts.None;

    /// <summary>When the last event was applied; <c>null</c> while the variant has never been seen.</summary>
    [Id(1)]
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>What Shopify says of the variant; <c>null</c> until a product update names it.</summary>
    [Id(2)]
    public VariantCatalog? Catalog { get; init; }

    /// <summary>The latest Shopify inventory quantity, from product updates or inventory levels.</summary>
    [Id(3)]
    public StockLevel? Stock { get; init; }

    [Id(4)]
    public ActivityWindow Views { get; init; } = ActivityWindow.Empty;

    [Id(5)]
    public ActivityWindow AddToCarts { get; init; } = ActivityWindow.Empty;

    [Id(6)]
    public ActivityWindow Purchases { get; init; } = ActivityWindow.Empty;

    [Id(7)]
    public SalesSignals Sales { get; init; } = SalesSignals.None;

    /// <summary>Recent price decisions, newest first.</summary>
    [Id(8)]
    public ImmutableList<PriceDecision> RecentDecisions { get; init; } = [];

    /// <summary>The last forecast published, so only changes go out.</summary>
    [Id(9)]
    public SellThroughForecast? PublishedForecast { get; init; }

    /// <inheritdoc/>
    [Id(10)]
    public ImmutableArray<KafkaPosition> Applied { get; init; } = [];

    /// <inheritdoc/>
    public ProductVariantState WithApplied(ImmutableArray<KafkaPosition> applied) => this with { Applied = applied };

    /// <summary>Recent orders of the variant, newest last, so each counts once and can be taken back.</summary>
    [Id(11)]
    public ImmutableArray<OrderCount> Orders { get; init; } = [];

    /// <summary>When Shopify deleted the variant's product; <c>null</c> while it exists.</summary>
    [Id(12)]
    public DateTimeOffset? DeletedAt { get; init; }

    /// <summary>Where the dynamic price stands with Shopify; <c>null</c> before any suggestion or write.</summary>
    [Id(13)]
    public PriceWrite? Write { get; init; }

    /// <summary>The current dynamic price: the latest decision's.</summary>
    public decimal? DynamicPrice => RecentDecisions.IsEmpty ? null : RecentDecisions[0].NewPrice;

    /// <summary>When the dynamic price last changed.</summary>
    public DateTimeOffset? PriceChangedAt => RecentDecisions.IsEmpty ? null : RecentDecisions[0].DecidedAt;
}

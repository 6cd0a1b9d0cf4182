namespace Retail.Grains.Abstractions.Variants;

/// <summary>What the API shows of a variant.</summary>
/// <remarks><see cref="DaysOfInventory"/> and <see cref="SellThroughDate"/> are the median of <see cref="SellThrough"/>.</remarks>
[GenerateSerializer, Immutable]
public sealed record VariantSnapshot(
    [property: Id(0)] long VariantId,
    [property: Id(1)] long? ProductId,
    [property: Id(2)] string? Title,
    [property: Id(3)] string? VariantTitle,
    [property: Id(4)] string? Vendor,
    [property: Id(5)] string? Sku,
    [property: Id(6)] decimal? Price,
    [property: Id(7)] decimal? DynamicPrice,
    [property: Id(8)] long? InventoryQuantity,
    [property: Id(9)] long? InventoryItemId,
    [property: Id(10)] ActivityCounts Activity,
    [property: Id(11)] RecentViews RecentViews,
    [property: Id(12)] double SalesVelocityPerDay,
    [property: Id(13)] double? DaysOfInventory,
    [property: Id(14)] DateOnly? SellThroughDate,
    [property: Id(15)] DateTimeOffset UpdatedAt,
    [property: Id(16)] SellThroughRange SellThrough,
    [property: Id(17)] decimal? AppliedPrice,
    [property: Id(18)] DateTimeOffset? AppliedAt,
    [property: Id(19)] string? LastWriteError,
    [property: Id(20)] PriceDecision? Suggestion,
    [property: Id(21)] DateTimeOffset? DeletedAt);

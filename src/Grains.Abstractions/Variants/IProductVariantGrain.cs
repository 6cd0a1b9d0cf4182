using Retail.Grains.Abstractions.Events;

namespace Retail.Grains.Abstractions.Variants;

/// <summary>One Shopify product variant, keyed by its variant id.</summary>
public interface IProductVariantGrain : IGrainWithIntegerKey
{
    /// <summary>The variant's current view, or <c>null</c> if no event has ever reached it.</summary>
    [AlwaysInterleave]
    Task<VariantSnapshot?> GetSnapshotAsync();

    /// <summary>Recent price decisions, newest first; empty if none.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<PriceDecision>> GetPriceHistoryAsync();

    /// <summary>The current sell-through forecast, or <c>null</c> if the variant was never seen.</summary>
    [AlwaysInterleave]
    Task<SellThroughForecast?> GetForecastAsync();

    /// <summary>
    /// Sets the quantity on hand from Shopify inventory levels (the total over locations). One-way, because
    /// the inventory item may call it while the variant is calling the item.
    /// </summary>
    [OneWay]
    Task ApplyInventoryAsync(long available, DateTimeOffset asOf);

    /// <summary>The variant's product was deleted in Shopify: it leaves the index, and reads answer 410 Gone.</summary>
    Task DeleteAsync(DateTimeOffset deletedAt);

    /// <summary>Records the outcome of a price write to Shopify. One-way: the writer does not wait for its variants.</summary>
    [OneWay]
    Task RecordPriceWriteAsync(PriceWriteResult result);

    /// <summary>Sends the waiting suggestion to Shopify; returns it, or <c>null</c> when none waits.</summary>
    Task<PriceDecision?> ApproveSuggestionAsync();

    /// <summary>Drops the waiting suggestion; returns it, or <c>null</c> when none waits.</summary>
    Task<PriceDecision?> RejectSuggestionAsync();
}

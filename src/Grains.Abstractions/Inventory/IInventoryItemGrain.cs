using Retail.Grains.Abstractions.Events;

namespace Retail.Grains.Abstractions.Inventory;

/// <summary>One Shopify inventory item, keyed by its id. Maps inventory levels to the variant it stocks.</summary>
public interface IInventoryItemGrain : IGrainWithIntegerKey
{
    /// <summary>Tells the item which variant it stocks; levels held back until now are passed on.</summary>
    Task LinkVariantAsync(long variantId);

    /// <summary>The variant it stocks, if known.</summary>
    [AlwaysInterleave]
    Task<long?> GetVariantAsync();

    /// <summary>The total available over all locations, or <c>null</c> before any level has arrived.</summary>
    [AlwaysInterleave]
    Task<long?> GetAvailableAsync();
}

namespace Retail.Grains.Abstractions.Shopify;

/// <summary>The one connected shop (key 0): its catalog sync and whether price writes may go to it.</summary>
public interface IShopGrain : IGrainWithIntegerKey
{
    /// <summary>The shop's key; there is one shop.</summary>
    const long Key = 0;

    /// <summary>Where the sync and the connection stand.</summary>
    [AlwaysInterleave]
    Task<ShopifySyncStatus> GetStatusAsync();

    /// <summary>Starts a catalog sync unless one is running or Shopify is not connected; returns the status after.</summary>
    Task<ShopifySyncStatus> StartSyncAsync();

    /// <summary>The app was uninstalled: price writes stop until a sync succeeds again.</summary>
    Task UninstallAsync(DateTimeOffset at);

    /// <summary>Whether price writes may go to Shopify now.</summary>
    [AlwaysInterleave]
    Task<bool> CanWriteAsync();
}

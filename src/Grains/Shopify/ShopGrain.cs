using Microsoft.Extensions.Logging;

namespace Retail.Grains.Shopify;

/// <summary>
/// The connected shop. Runs the catalog sync a page at a time, within the Admin API's throttle, feeding each page to
/// the product-update topic, so the pipeline takes it like any other product updates and never waits for the whole
/// catalog. Remembers durably when the app was uninstalled, which stops price writes until a sync succeeds again.
/// </summary>
internal sealed partial class ShopGrain(
    [PersistentState("shop", StorageNames.Retail)] IPersistentState<ShopState> state,
    IShopifyAdmin admin,
    TimeProvider time,
    ILogger<ShopGrain> logger)
    : Grain, IShopGrain
{
    private ShopifySyncStatus _status = new(admin.Connected ? "idle" : "off", 0, 0, null, null, null, null);
    private Task? _sync;

    Task<ShopifySyncStatus> IShopGrain.GetStatusAsync() => Task.FromResult(Status());

    Task<ShopifySyncStatus> IShopGrain.StartSyncAsync()
    {
        if (admin.Connected && _sync is not { IsCompleted: false })
        {
            _status = new ShopifySyncStatus("running", 0, 0, time.GetUtcNow(), null, null, null);
            // Runs on this activation between calls; a sync of a large catalog outlasts the idle collection age.
            DelayDeactivation(TimeSpan.FromHours(6));
            _sync = SyncAsync();
        }

        return Task.FromResult(Status());
    }

    async Task IShopGrain.UninstallAsync(DateTimeOffset at)
    {
        if (state.State.UninstalledAt is null)
        {
            state.State = state.State with { UninstalledAt = at };
            await state.WriteStateAsync();
            LogUninstalled(logger);
        }
    }

    Task<bool> IShopGrain.CanWriteAsync() => Task.FromResult(admin.Connected && state.State.UninstalledAt is null);

    private ShopifySyncStatus Status() => _status with { Uninstalled = state.State.UninstalledAt };

    private async Task SyncAsync()
    {
        LogSyncStarted(logger);
        string? cursor = null;
        try
        {
            do
            {
                var page = await admin.FeedCatalogPageAsync(cursor, CancellationToken.None);
                _status = _status with { ProductsRead = _status.ProductsRead + page.Products, VariantsRead = _status.VariantsRead + page.Variants };
                LogSyncProgress(logger, _status.ProductsRead, _status.VariantsRead);
                cursor = page.NextCursor;
            }
            while (cursor is not null);

            _status = _status with { State = "done", FinishedAt = time.GetUtcNow() };
            LogSyncDone(logger, _status.ProductsRead, _status.VariantsRead);
            // The token works again: a reinstalled app may write prices.
            if (state.State.UninstalledAt is not null)
            {
                state.State = state.State with { UninstalledAt = null };
                await state.WriteStateAsync();
            }
        }
        catch (Exception ex)
        {
            _status = _status with { State = "failed", FinishedAt = time.GetUtcNow(), LastError = ex.Message };
            LogSyncFailed(logger, ex, _status.ProductsRead);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Shopify catalog sync started")]
    private static partial void LogSyncStarted(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shopify catalog sync: {Products} products, {Variants} variants read so far")]
    private static partial void LogSyncProgress(ILogger logger, long products, long variants);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shopify catalog sync done: {Products} products, {Variants} variants")]
    private static partial void LogSyncDone(ILogger logger, long products, long variants);

    [LoggerMessage(Level = LogLevel.Error, Message = "Shopify catalog sync failed after {Products} products")]
    private static partial void LogSyncFailed(ILogger logger, Exception ex, long products);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Shopify app was uninstalled: price writes are stopped until a sync succeeds again")]
    private static partial void LogUninstalled(ILogger logger);
}

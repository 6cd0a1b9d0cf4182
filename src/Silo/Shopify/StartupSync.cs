using Microsoft.Extensions.Options;
using Retail.Grains.Abstractions.Shopify;
using Retail.Grains.Shopify;
using Retail.Shopify;

namespace Retail.Silo.Shopify;

/// <summary>Starts the catalog sync once the silo is up, when Shopify is connected; says what is off when it is not.</summary>
internal sealed partial class StartupSync(
    IHostApplicationLifetime lifetime,
    IGrainFactory grains,
    IOptions<ShopifyAdminOptions> options,
    IOptions<PriceApplyOptions> apply,
    ILogger<StartupSync> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Connected)
        {
            LogOff(logger, apply.Value.Apply);
            return Task.CompletedTask;
        }

        var settings = options.Value;
        var shop = settings.Shop ?? string.Empty;
        LogConnected(logger, shop, settings.ApiVersion, apply.Value.Apply);
        lifetime.ApplicationStarted.Register(() => _ = StartSyncAsync());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task StartSyncAsync()
    {
        try
        {
            await grains.GetGrain<IShopGrain>(IShopGrain.Key).StartSyncAsync();
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException)
        {
            LogNotStarted(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Shopify is not connected (Shopify:Shop and Shopify:AdminToken unset): no catalog sync, no price writes (Pricing:Apply={Apply} acts as off)")]
    private static partial void LogOff(ILogger logger, string apply);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shopify connected to {Shop}, Admin API {ApiVersion}; Pricing:Apply={Apply}; starting the catalog sync")]
    private static partial void LogConnected(ILogger logger, string shop, string apiVersion, string apply);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The start-up catalog sync could not be started; POST /api/shopify/sync starts one")]
    private static partial void LogNotStarted(ILogger logger, Exception ex);
}

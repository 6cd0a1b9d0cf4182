using Microsoft.Extensions.Options;
using Retail.Grains.Shopify;
using Retail.Shopify;
using Retail.Shopify.Admin;

namespace Retail.Silo.Shopify;

/// <summary>The connection to the shop's Admin API, the price-apply mode, and the sync at start-up.</summary>
internal static class ShopifyHosting
{
    public static IServiceCollection AddShopifyAdmin(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ShopifyAdminOptions>().BindConfiguration(ShopifyAdminOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.AdminApiUrl is null || o.AdminApiUrl.IsAbsoluteUri, "Shopify:AdminApiUrl must be an absolute URL.")
            .Validate(o => !o.Connected || o.AdminApiUrl is not null || Uri.CheckHostName(o.Shop) == UriHostNameType.Dns, "Shopify:Shop must be the shop's domain, such as example.myshopify.com.")
            .Validate(o => o.RetryBackoff > TimeSpan.Zero, "Shopify:RetryBackoff must be positive.")
            .ValidateOnStart();
        services.AddOptions<PriceApplyOptions>().BindConfiguration(PriceApplyOptions.Section)
            .Validate(o => o.Apply is PriceApplyOptions.Off or PriceApplyOptions.Suggest or PriceApplyOptions.Auto, $"Pricing:Apply must be '{PriceApplyOptions.Off}', '{PriceApplyOptions.Suggest}' or '{PriceApplyOptions.Auto}'.")
            .ValidateOnStart();
        services.AddSingleton(sp => new CostThrottle(sp.GetRequiredService<TimeProvider>()));
        services.AddHttpClient<ShopifyAdminClient>(http => http.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<IShopifyAdmin, ShopifyAdminPort>();
        services.AddSingleton(sp =>
        {
            var connected = sp.GetRequiredService<IOptions<ShopifyAdminOptions>>().Value.Connected;
            return new PriceApplyMode(connected ? sp.GetRequiredService<IOptions<PriceApplyOptions>>().Value.Apply : PriceApplyOptions.Off);
        });
        services.AddHostedService<StartupSync>();
        return services;
    }
}

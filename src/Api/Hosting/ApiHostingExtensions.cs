using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Retail.Api.Health;
using Retail.Api.Ingest;
using Retail.Api.Insights;
using Retail.Api.Page;
using Retail.Api.Platform;
using Retail.Api.Pricing;
using Retail.Api.Products;
using Retail.Api.Security;
using Retail.Api.Seed;
using Retail.Api.Shopify;
using Retail.Api.Variants;
using Retail.ServiceDefaults;
using Scalar.AspNetCore;

namespace Retail.Api.Hosting;

/// <summary>Registers and maps the retail HTTP API, in the silo process or in a standalone client.</summary>
public static class ApiHostingExtensions
{
    /// <summary>
    /// Adds the API's services: the read API always, and with <paramref name="ingest"/> the webhook and clickstream
    /// ingest, which write to Kafka. The host must also register a <see cref="PlatformInfo"/> and an Orleans client or silo.
    /// </summary>
    public static IHostApplicationBuilder AddRetailApi(this IHostApplicationBuilder builder, bool ingest = true)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOpenApi();
        // The validation attributes on route and query parameters; the source generator finds them in this project.
        builder.Services.AddValidation();
        builder.Services.AddMeters(IngestMetrics.MeterName, "Microsoft.Orleans");
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(new ApiModules(ingest));
        builder.Services.AddOptions<ApiAccessOptions>().BindConfiguration(ApiAccessOptions.Section);
        builder.Services.AddSingleton<ApiKeyCheck>();
        builder.Services.AddOptions<OperatorOptions>().BindConfiguration(OperatorOptions.Section);
        builder.Services.AddRetailAccess();
        var health = builder.Services.AddHealthChecks().AddCheck<OrleansHealthCheck>("orleans", tags: [ServiceDefaultsExtensions.ReadyTag]);
        if (!ingest)
        {
            return builder;
        }

        builder.Services.AddOptions<ShopifyOptions>().BindConfiguration(ShopifyOptions.Section)
            .Validate(o => o.WriteTimeout > TimeSpan.Zero, "Shopify:WriteTimeout must be positive.")
            .ValidateOnStart();
        builder.Services.AddOptions<ClickstreamOptions>().BindConfiguration(ClickstreamOptions.Section)
            .Validate(o => o.MaxBodyBytes > 0 && o.MaxEvents > 0, "Clickstream:MaxBodyBytes and MaxEvents must be positive.")
            .ValidateOnStart();
        builder.Services.AddOptions<KafkaWriteOptions>().BindConfiguration(KafkaWriteOptions.Section)
            .Validate(o => o.MaxMessageBytes is >= 1_000 and <= 100_000_000, "Kafka:MaxMessageBytes must be between 1000 and 100000000.")
            .ValidateOnStart();
        builder.Services.AddSingleton<WebhookSecret>();
        builder.Services.AddSingleton<IngestProducer>();
        builder.Services.AddSingleton<IngestMetrics>();
        builder.Services.AddIngestRateLimits(builder.Configuration);
        health.AddCheck<KafkaHealthCheck>("kafka", tags: [ServiceDefaultsExtensions.ReadyTag]);
        builder.Services.AddSingleton<KafkaHealthCheck>();
        return builder;
    }

    /// <summary>Maps every API route.</summary>
    public static WebApplication MapRetailApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var ingest = app.Services.GetRequiredService<ApiModules>().Ingest;
        if (ingest)
        {
            // Make the webhook secret known (and logged, if generated) at start, not at the first delivery.
            _ = app.Services.GetRequiredService<WebhookSecret>();
        }

        app.Lifetime.ApplicationStarted.Register(() => app.Services.GetRequiredService<LocalTrialAccess>().LogOnStarted(
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Retail.Api"),
            app.Environment.IsDevelopment()));
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseAuthentication();
        app.UseAuthorization();
        if (ingest)
        {
            app.UseRateLimiter();
        }

        app.MapVariantsApi();
        app.MapProductsApi();
        app.MapInsightsApi();
        app.MapKpiApi();
        app.MapKpiPage();
        app.MapSeedApi();
        app.MapShopifyApi();
        app.MapPriceSuggestionsApi();
        if (ingest)
        {
            app.MapShopifyWebhookApi();
            app.MapClickstreamApi();
        }

        app.MapPlatformApi();
        app.MapOpenApi();
        app.MapPrometheusScrapingEndpoint("/metrics").RequireAuthorization(AccessPolicies.Operator);
        app.MapScalarApiReference("/docs", options => options.WithTitle("Retail API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        app.MapHealthEndpoints();
        return app;
    }
}

/// <summary>Which of the API's modules this host serves.</summary>
/// <param name="Ingest">Whether the webhook and clickstream ingest, which need Kafka, are on.</param>
public sealed record ApiModules(bool Ingest);

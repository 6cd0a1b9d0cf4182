using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Retail.Api.Health;
using Retail.Api.Insights;
using Retail.Api.Platform;
using Retail.Api.Products;
using Retail.Api.Seed;
using Retail.Api.Variants;
using Scalar.AspNetCore;

namespace Retail.Api.Hosting;

/// <summary>Registers and maps the retail HTTP API, in the silo process or in a standalone client.</summary>
public static class ApiHostingExtensions
{
    private const string ReadyTag = "ready";

    /// <summary>Adds the API's services. The host must also register a <see cref="PlatformInfo"/> and an Orleans client or silo.</summary>
    public static IHostApplicationBuilder AddRetailApi(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddHealthChecks()
            .AddCheck<OrleansHealthCheck>("orleans", tags: [ReadyTag])
            .AddCheck<KafkaHealthCheck>("kafka", tags: [ReadyTag]);
        builder.Services.AddSingleton<KafkaHealthCheck>();
        return builder;
    }

    /// <summary>Maps every API route.</summary>
    public static WebApplication MapRetailApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapVariantsApi();
        app.MapProductsApi();
        app.MapInsightsApi();
        app.MapSeedApi();
        app.MapPlatformApi();
        app.MapOpenApi();
        app.MapScalarApiReference("/docs", options => options.WithTitle("Retail API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        return app;
    }
}

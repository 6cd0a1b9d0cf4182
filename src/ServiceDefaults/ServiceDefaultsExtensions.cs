using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Retail.ServiceDefaults;

/// <summary>What every Retail host has: problem details, telemetry and the health endpoints.</summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>The tag of the health checks that <c>/health/ready</c> runs.</summary>
    public const string ReadyTag = "ready";

    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = BadRequests.Customize);
        // Binding failures throw, so that BadRequests can say which value was wrong; otherwise they are a bare 400.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddExceptionHandler<BadRequests>();
        builder.AddRetailTelemetry();
        builder.Services.AddHealthChecks();
        builder.Services.AddOptions<KafkaTopics>().BindConfiguration(KafkaTopics.Section);
        return builder;
    }

    /// <summary>
    /// <c>/health/live</c> answers while the process runs; <c>/health/ready</c> once every check tagged
    /// <see cref="ReadyTag"/> passes.
    /// </summary>
    public static WebApplication MapHealthEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        return app;
    }
}

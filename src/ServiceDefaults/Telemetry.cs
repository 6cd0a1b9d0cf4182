using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Retail.ServiceDefaults;

/// <summary>
/// OpenTelemetry: ASP.NET Core's and the runtime's meters, and those each module adds with <see cref="AddMeters"/>,
/// scraped at <c>/metrics</c> in Prometheus text format; traces and metrics also go to an OTLP collector when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (or <c>Otlp:Endpoint</c>) is set.
/// </summary>
public static class Telemetry
{
    /// <summary>
    /// Series kept per instrument. The SDK allocates each instrument's points up front, 2,000 by default: about
    /// 23 MB over the instruments collected here, none of which comes near 200 series. Beyond the limit,
    /// measurements still count, under an overflow series.
    /// </summary>
    public const int SeriesPerInstrument = 200;

    /// <summary>Has the host collect <paramref name="meters"/>: each module names its own.</summary>
    public static IServiceCollection AddMeters(this IServiceCollection services, params string[] meters) =>
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddMeter(meters));

    internal static IHostApplicationBuilder AddRetailTelemetry(this IHostApplicationBuilder builder)
    {
        var otlp = builder.Configuration["Otlp:Endpoint"] ?? builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("retail"))
            .WithMetrics(metrics =>
            {
                metrics.AddView(_ => new MetricStreamConfiguration { CardinalityLimit = SeriesPerInstrument })
                    .AddAspNetCoreInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddPrometheusExporter();
                if (!string.IsNullOrWhiteSpace(otlp))
                {
                    metrics.AddOtlpExporter(o => o.Endpoint = new Uri(otlp));
                }
            });
        if (!string.IsNullOrWhiteSpace(otlp))
        {
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application")
                .AddOtlpExporter(o => o.Endpoint = new Uri(otlp)));
        }

        return builder;
    }
}

using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Retail.Api.Hosting;

/// <summary>
/// OpenTelemetry: the platform's meters, Orleans', ASP.NET Core's and the runtime's, scraped at
/// <c>/metrics</c> in Prometheus text format; traces and metrics also go to an OTLP collector when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (or <c>Otlp:Endpoint</c>) is set.
/// </summary>
internal static class Telemetry
{
    /// <summary>The meters the platform itself defines.</summary>
    public static readonly string[] Meters = ["Streaming.Kafka", "Retail.Grains", "Retail.Ingest"];

    /// <summary>
    /// Series kept per instrument. The SDK allocates each instrument's points up front, 2,000 by default: about
    /// 23 MB over the instruments collected here, none of which comes near 200 series. Beyond the limit,
    /// measurements still count, under an overflow series.
    /// </summary>
    public const int SeriesPerInstrument = 200;

    public static IHostApplicationBuilder AddRetailTelemetry(this IHostApplicationBuilder builder)
    {
        var otlp = builder.Configuration["Otlp:Endpoint"] ?? builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("retail"))
            .WithMetrics(metrics =>
            {
                metrics.AddView(_ => new MetricStreamConfiguration { CardinalityLimit = SeriesPerInstrument })
                    .AddMeter(Meters)
                    .AddMeter("Microsoft.Orleans")
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

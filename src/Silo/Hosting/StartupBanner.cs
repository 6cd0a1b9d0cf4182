using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Retail.Silo.Hosting;

/// <summary>Tells the operator where everything is once the host has started.</summary>
internal static partial class StartupBanner
{
    public static void LogOnStarted(WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Retail.Silo");
            var kafka = app.Services.GetRequiredService<KafkaEndpoint>();
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
            {
                var root = address.TrimEnd('/');
                LogUrls(logger, root);
            }

            if (kafka.Embedded)
            {
                LogEmbeddedKafka(logger, kafka.BootstrapServers);
            }
            else
            {
                LogKafka(logger, kafka.BootstrapServers);
            }

            if (app.Services.GetService<Storage.PostgresConnection>() is { } postgres)
            {
                LogPostgres(logger, postgres.Redacted);
            }
            else
            {
                LogMemoryStorage(logger);
            }
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retail is up at {Root}: API {Root}/api/system, dashboard {Root}/dashboard/, health {Root}/health/ready")]
    private static partial void LogUrls(ILogger logger, string root);

    [LoggerMessage(Level = LogLevel.Information, Message = "Kafka bootstrap: {Bootstrap} (embedded broker, in memory; produce to it with any client, e.g. kcat -b {Bootstrap} -P -t shopify_clickstream)")]
    private static partial void LogEmbeddedKafka(ILogger logger, string bootstrap);

    [LoggerMessage(Level = LogLevel.Information, Message = "Kafka bootstrap: {Bootstrap}")]
    private static partial void LogKafka(ILogger logger, string bootstrap);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Grain state is in memory and NOT durable: it is lost when this process stops.")]
    private static partial void LogMemoryStorage(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Grain state and cluster membership are in PostgreSQL at {Connection}")]
    private static partial void LogPostgres(ILogger logger, string connection);
}

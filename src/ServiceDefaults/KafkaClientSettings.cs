using Microsoft.Extensions.Configuration;

namespace Retail.ServiceDefaults;

/// <summary>
/// <c>Kafka:Client:&lt;librdkafka setting&gt;</c>: settings for every Kafka client the product creates (stream
/// consumers and producer, the ingest producer, the health check, the demo generator), such as
/// <c>security.protocol</c> and the SASL settings. <c>Kafka:Consumer:</c> and <c>Kafka:Producer:</c> add to them.
/// </summary>
public static class KafkaClientSettings
{
    public const string Section = "Kafka:Client";

    public static IReadOnlyDictionary<string, string> FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetSection(Section).GetChildren()
            .ToDictionary(setting => setting.Key, setting => setting.Value ?? string.Empty, StringComparer.Ordinal);
    }
}

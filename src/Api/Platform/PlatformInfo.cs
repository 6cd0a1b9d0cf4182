namespace Retail.Api.Platform;

/// <summary>What the hosting process knows about the infrastructure it runs on.</summary>
/// <param name="StorageKind">The grain storage in use, such as <c>memory</c>.</param>
/// <param name="StorageDurable">Whether grain state survives a restart.</param>
/// <param name="KafkaBootstrapServers">The Kafka bootstrap address.</param>
/// <param name="KafkaEmbedded">Whether that Kafka is the embedded test broker.</param>
/// <param name="KafkaClientSettings">librdkafka settings for every Kafka client (<see cref="ServiceDefaults.KafkaClientSettings"/>).</param>
public sealed record PlatformInfo(string StorageKind, bool StorageDurable, string KafkaBootstrapServers, bool KafkaEmbedded, IReadOnlyDictionary<string, string> KafkaClientSettings)
{
    /// <summary>A client configuration for this platform's Kafka: the bootstrap address, then the client settings.</summary>
    public T KafkaConfig<T>(T config)
        where T : Confluent.Kafka.ClientConfig
    {
        ArgumentNullException.ThrowIfNull(config);
        config.BootstrapServers = KafkaBootstrapServers;
        foreach (var (key, value) in KafkaClientSettings)
        {
            config.Set(key, value);
        }

        return config;
    }
}

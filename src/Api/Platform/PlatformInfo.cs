namespace Retail.Api.Platform;

/// <summary>What the hosting process knows about the infrastructure it runs on.</summary>
/// <param name="StorageKind">The grain storage in use, such as <c>memory</c>.</param>
/// <param name="StorageDurable">Whether grain state survives a restart.</param>
/// <param name="KafkaBootstrapServers">The Kafka bootstrap address.</param>
/// <param name="KafkaEmbedded">Whether that Kafka is the embedded test broker.</param>
public sealed record PlatformInfo(string StorageKind, bool StorageDurable, string KafkaBootstrapServers, bool KafkaEmbedded);

namespace Retail.Api.Platform;

/// <summary>The body of <c>GET /api/system</c>.</summary>
public sealed record SystemResponse(
    string Version,
    string OrleansVersion,
    string RuntimeVersion,
    string Storage,
    bool StorageDurable,
    SystemKafka Kafka,
    int SiloCount);

/// <summary>The Kafka part of <see cref="SystemResponse"/>.</summary>
public sealed record SystemKafka(string BootstrapServers, bool Embedded);

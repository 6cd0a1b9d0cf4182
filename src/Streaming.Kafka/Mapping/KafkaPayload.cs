namespace Streaming.Kafka.Mapping;

/// <summary>A record's key and value bytes, as delivered by <see cref="RawRecordMapper"/>.</summary>
[GenerateSerializer, Immutable]
public sealed record KafkaPayload(
    [property: Id(0)] byte[] Key,
    [property: Id(1)] byte[] Value,
    [property: Id(2)] DateTimeOffset Timestamp);

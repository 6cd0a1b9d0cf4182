namespace Streaming.Kafka.Providers;

/// <summary>One event in a <see cref="KafkaBatchContainer"/>, with the record offset and index it came from.</summary>
[GenerateSerializer, Immutable]
public readonly record struct KafkaEventEntry(
    [property: Id(0)] long Offset,
    [property: Id(1)] int Index,
    [property: Id(2)] DateTimeOffset Timestamp,
    [property: Id(3)] object Event);

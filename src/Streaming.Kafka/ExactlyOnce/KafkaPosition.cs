using Streaming.Kafka.Providers;

namespace Streaming.Kafka.ExactlyOnce;

/// <summary>
/// Where an event came from: the topic-partition, the record's offset, and the event's index among the events
/// its record mapped to. A redelivered event has the same position, so a consumer that keeps the last position
/// it applied per topic-partition recognises it (<see cref="KafkaPositions"/>).
/// </summary>
[GenerateSerializer, Immutable]
public readonly record struct KafkaPosition(
    [property: Id(0)] string Topic,
    [property: Id(1)] int Partition,
    [property: Id(2)] long Offset,
    [property: Id(3)] int Index)
{
    /// <summary>The position of the event that <paramref name="token"/> marks, as this provider delivers it.</summary>
    /// <exception cref="ArgumentException">The token is not a Kafka provider's.</exception>
    public static KafkaPosition Of(StreamSequenceToken? token) => token is KafkaSequenceToken kafka
        ? new KafkaPosition(kafka.Topic, kafka.Partition, kafka.Offset, kafka.EventIndex)
        : throw new ArgumentException($"Expected a token of the Kafka stream provider, got '{token?.GetType().Name ?? "null"}'.", nameof(token));

    /// <summary>Whether <paramref name="other"/> is in the same topic-partition, where positions are ordered.</summary>
    public bool SamePartition(in KafkaPosition other) =>
        Partition == other.Partition && string.Equals(Topic, other.Topic, StringComparison.Ordinal);

    /// <summary>Whether this position is at or after <paramref name="other"/>, which must be in the same topic-partition.</summary>
    public bool IsAtOrAfter(in KafkaPosition other) => Offset > other.Offset || (Offset == other.Offset && Index >= other.Index);

    public override string ToString() => $"{Topic}[{Partition}]@{Offset}#{Index}";
}

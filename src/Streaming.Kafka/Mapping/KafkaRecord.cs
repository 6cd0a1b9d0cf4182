namespace Streaming.Kafka.Mapping;

/// <summary>One record as consumed from a Kafka partition, before it is mapped to stream events.</summary>
/// <param name="Topic">The topic it was read from.</param>
/// <param name="Partition">The partition it was read from.</param>
/// <param name="Offset">Its offset in that partition.</param>
/// <param name="Timestamp">The record's Kafka timestamp.</param>
/// <param name="Key">The key bytes; empty when the record has no key.</param>
/// <param name="Value">The value bytes; empty for a tombstone.</param>
/// <param name="Headers">The record's headers, or <c>null</c>.</param>
public readonly record struct KafkaRecord(
    string Topic,
    int Partition,
    long Offset,
    DateTimeOffset Timestamp,
    ReadOnlyMemory<byte> Key,
    ReadOnlyMemory<byte> Value,
    Headers? Headers);

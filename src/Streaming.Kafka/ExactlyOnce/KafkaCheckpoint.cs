using Streaming.Kafka.Providers;

namespace Streaming.Kafka.ExactlyOnce;

/// <summary>An offset the provider wants to commit for one partition, and what was delivered before it.</summary>
/// <param name="Topic">The topic.</param>
/// <param name="StreamNamespace">The stream namespace configured for the topic, as the record mapper is given it.</param>
/// <param name="Partition">The partition.</param>
/// <param name="Offset">The offset to commit: the next record to read after a restart.</param>
/// <param name="Delivered">
/// Every stream that received events from this partition since the last commit, with the token of the last
/// event it received.
/// </param>
/// <param name="Spread">How long the gate may spread its work over, so that a large checkpoint does not come all at once.</param>
/// <param name="Hurry">Cancelled when the partition is being released: the spread ends, and the rest is done at once.</param>
public sealed record KafkaCheckpoint(
    string Topic,
    string StreamNamespace,
    int Partition,
    long Offset,
    IReadOnlyDictionary<StreamId, KafkaSequenceToken> Delivered,
    TimeSpan Spread = default,
    CancellationToken Hurry = default);

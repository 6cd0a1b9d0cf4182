namespace Streaming.Kafka.ExactlyOnce;

/// <summary>
/// A grain that consumes Kafka streams and may keep their effects in memory for a while before it persists
/// them. With <see cref="DurableConsumerGate"/>, every implicit subscriber of the provider's streams implements
/// it, and is asked to make its effects durable before offsets past them are committed.
/// </summary>
/// <remarks>
/// Keep it off the grain interfaces that clients call: it is the provider's callback, and the gate reaches it by
/// grain id.
/// </remarks>
public interface IDurableStreamConsumer : IGrain
{
    /// <summary>
    /// Persists pending effects, then tells whether the durable state covers every event of
    /// <paramref name="upTo"/>'s topic-partition delivered to this grain, up to and including
    /// <paramref name="upTo"/>. <c>false</c> means some were lost (the grain restarted before persisting them):
    /// the partition is read again from its last committed offset.
    /// </summary>
    Task<bool> MakeDurableAsync(KafkaPosition upTo);
}

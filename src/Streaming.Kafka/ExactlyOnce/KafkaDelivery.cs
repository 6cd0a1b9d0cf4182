using Streaming.Kafka.Providers;

namespace Streaming.Kafka.ExactlyOnce;

/// <summary>What the provider tells a consumer about each delivery, beyond its events and positions.</summary>
public static class KafkaDelivery
{
    /// <summary>
    /// The offset of the stream's previous record in the topic-partition of the event at <paramref name="first"/>,
    /// the first token of a delivery, as the receiver read it; <c>null</c> when the receiver has not seen one since
    /// it started or rewound.
    /// </summary>
    /// <remarks>
    /// It travels in the token rather than the request context: a context would be one more dictionary per
    /// delivery, copied with the call. A consumer whose durable state does not include that record has lost
    /// effects: it can apply nothing, and let the commit gate have the partition read again (see
    /// <see cref="KafkaPositions.Follows"/>).
    /// </remarks>
    public static long? PrecedingOffset(StreamSequenceToken? first) =>
        first is KafkaSequenceToken { PrecedingOffset: >= 0 and var offset } ? offset : null;
}

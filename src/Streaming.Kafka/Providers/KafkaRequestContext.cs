namespace Streaming.Kafka.Providers;

/// <summary>What the provider puts in the request context of each delivery.</summary>
public static class KafkaRequestContext
{
    /// <summary>
    /// The offset of the stream's previous record in the same topic-partition, as this receiver delivered it (a <see cref="long"/>),
    /// absent when the receiver has not seen one since it started or rewound. A consumer whose durable state does not
    /// include that record has lost effects: it can apply nothing and let the commit gate have the partition read again.
    /// </summary>
    public const string PrecedingOffset = "kafka.preceding-offset";
}

namespace Streaming.Kafka.ExactlyOnce;

/// <summary>What the provider tells a consumer about each delivery, beyond its events and tokens.</summary>
public static class KafkaDelivery
{
    // The request-context key of the offset of the stream's previous record in the same topic-partition.
    internal const string PrecedingOffsetKey = "kafka.preceding-offset";

    /// <summary>
    /// The offset of the stream's previous record in the delivery's topic-partition, as the receiver delivered it,
    /// or <c>null</c> when the receiver has not seen one since it started or rewound. Call it once, at the start
    /// of a delivery: it also clears the value, which describes this delivery only, so that it does not travel on
    /// with the calls the consumer makes next.
    /// </summary>
    /// <remarks>
    /// A consumer whose durable state does not include that record has lost effects: it can apply nothing, and let
    /// the commit gate have the partition read again (see <see cref="KafkaPositions.Follows"/>).
    /// </remarks>
    public static long? TakePrecedingOffset()
    {
        var value = RequestContext.Get(PrecedingOffsetKey) as long?;
        if (value is not null)
        {
            RequestContext.Remove(PrecedingOffsetKey);
        }

        return value;
    }
}

namespace Streaming.Kafka.Hosting;

/// <summary>Where a partition with no committed offset starts reading.</summary>
public enum KafkaStartOffset
{
    /// <summary>The oldest record the broker still holds.</summary>
    Earliest,

    /// <summary>Only records written after the partition is assigned.</summary>
    Latest,
}

namespace Streaming.Kafka.Hosting;

/// <summary>One Kafka topic and the Orleans stream namespace it feeds.</summary>
public sealed class KafkaTopicOptions
{
    /// <summary>The Kafka topic name.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The stream namespace whose events are written to this topic. Defaults to the topic name.</summary>
    public string StreamNamespace { get; set; } = string.Empty;

    /// <summary>
    /// The topic's partition count. Leave unset to read it from the broker at start-up; set it when the
    /// broker may be unreachable then.
    /// </summary>
    public int? Partitions { get; set; }

    /// <summary>
    /// Whether the provider reads this topic. Turn it off for a topic that Orleans code only writes to,
    /// such as an outbox of decisions; it then gets no queues.
    /// </summary>
    public bool Consume { get; set; } = true;
}

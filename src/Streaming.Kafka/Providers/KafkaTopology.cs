namespace Streaming.Kafka.Providers;

/// <summary>The topics of one provider with their partition counts, as known at start-up.</summary>
internal sealed class KafkaTopology
{
    private readonly Dictionary<string, KafkaTopic> _byNamespace;
    private readonly Dictionary<string, KafkaTopic> _byName;

    public KafkaTopology(IReadOnlyList<KafkaTopic> topics)
    {
        Topics = topics;
        _byNamespace = topics.ToDictionary(t => t.StreamNamespace, StringComparer.Ordinal);
        _byName = topics.ToDictionary(t => t.Name, StringComparer.Ordinal);
    }

    public IReadOnlyList<KafkaTopic> Topics { get; }

    public KafkaTopic ForName(string topic) =>
        _byName.TryGetValue(topic, out var found)
            ? found
            : throw new ArgumentException($"Topic '{topic}' is not configured on this stream provider.", nameof(topic));

    public KafkaTopic ForStream(StreamId streamId)
    {
        var streamNamespace = streamId.GetNamespace() ?? string.Empty;
        return _byNamespace.TryGetValue(streamNamespace, out var found)
            ? found
            : throw new ArgumentException(
                $"Stream namespace '{streamNamespace}' is not mapped to a Kafka topic on this provider; add it to the provider's topics.",
                nameof(streamId));
    }
}

/// <summary>One configured topic, its stream namespace and its partition count.</summary>
internal sealed record KafkaTopic(string Name, string StreamNamespace, int Partitions, bool Consume = true);

using System.Collections.Concurrent;
using Streaming.Kafka.Providers;

namespace Streaming.Kafka.Tests.Cluster;

/// <summary>What the test grains received, shared by every silo of an in-process cluster.</summary>
public sealed class DeliveryLog
{
    private readonly ConcurrentQueue<(string Key, KafkaSequenceToken Token)> _deliveries = new();

    public int Count => _deliveries.Count;

    public void Add(string key, KafkaSequenceToken token) => _deliveries.Enqueue((key, token));

    public IReadOnlyList<(string Key, KafkaSequenceToken Token)> Snapshot() => [.. _deliveries];
}

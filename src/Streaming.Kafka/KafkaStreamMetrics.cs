using System.Diagnostics.Metrics;

namespace Streaming.Kafka;

/// <summary>The provider's instruments, on the meter named <see cref="MeterName"/>. The meter factory owns the meter.</summary>
public sealed class KafkaStreamMetrics
{
    /// <summary>The meter that every instrument of this provider belongs to.</summary>
    public const string MeterName = "Streaming.Kafka";

    private readonly Counter<long> _consumed;
    private readonly Counter<long> _produced;
    private readonly Counter<long> _deadLettered;

    public KafkaStreamMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _consumed = meter.CreateCounter<long>("kafka.stream.records.consumed", "{record}", "Records read from Kafka partitions.");
        _produced = meter.CreateCounter<long>("kafka.stream.records.produced", "{record}", "Records written to Kafka by stream producers.");
        _deadLettered = meter.CreateCounter<long>("kafka.stream.records.dead_lettered", "{record}", "Records that could not be mapped and went to the dead-letter topic.");
    }

    internal void Consumed(string provider, string topic, int count) =>
        _consumed.Add(count, new("provider", provider), new("topic", topic));

    internal void Produced(string provider, string topic, int count) =>
        _produced.Add(count, new("provider", provider), new("topic", topic));

    internal void DeadLettered(string provider, string topic) =>
        _deadLettered.Add(1, new("provider", provider), new("topic", topic));
}

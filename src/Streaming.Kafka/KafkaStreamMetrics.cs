using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Streaming.Kafka;

/// <summary>The provider's instruments, on the meter named <see cref="MeterName"/>. The meter factory owns the meter.</summary>
public sealed class KafkaStreamMetrics
{
    /// <summary>The meter that every instrument of this provider belongs to.</summary>
    public const string MeterName = "Streaming.Kafka";

    /// <summary>The gauge of records not yet read, per partition this process owns.</summary>
    public const string ConsumerLag = "kafka.stream.consumer.lag";

    private readonly Counter<long> _consumed;
    private readonly Counter<long> _produced;
    private readonly Counter<long> _deadLettered;
    private readonly Counter<long> _commits;
    private readonly Counter<long> _rewinds;
    private readonly Histogram<double> _deliveryLatency;
    private readonly ConcurrentDictionary<(string Provider, TopicPartition Partition), IConsumer<byte[], byte[]>> _tracked = new();

    public KafkaStreamMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _consumed = meter.CreateCounter<long>("kafka.stream.records.consumed", "{record}", "Records read from Kafka partitions.");
        _produced = meter.CreateCounter<long>("kafka.stream.records.produced", "{record}", "Records written to Kafka by stream producers.");
        _deadLettered = meter.CreateCounter<long>("kafka.stream.records.dead_lettered", "{record}", "Records that could not be mapped and went to the dead-letter topic.");
        _commits = meter.CreateCounter<long>("kafka.stream.commits", "{commit}", "Offset commits made after the commit gate allowed them.");
        _rewinds = meter.CreateCounter<long>("kafka.stream.rewinds", "{rewind}", "Partitions read again because the commit gate reported lost effects.");
        _deliveryLatency = meter.CreateHistogram<double>(
            "kafka.stream.delivery.latency",
            "ms",
            "Time from a record's Kafka timestamp until the cache reports its events delivered.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000] });
        meter.CreateObservableGauge(ConsumerLag, ObserveLag, "{record}", "Records in a partition not yet read by its owner: high watermark minus position.");
    }

    internal void Consumed(string provider, string topic, int count) =>
        _consumed.Add(count, new("provider", provider), new("topic", topic));

    internal void Produced(string provider, string topic, int count) =>
        _produced.Add(count, new("provider", provider), new("topic", topic));

    internal void DeadLettered(string provider, string topic) =>
        _deadLettered.Add(1, new("provider", provider), new("topic", topic));

    internal void Committed(string provider, string topic) =>
        _commits.Add(1, new("provider", provider), new("topic", topic));

    internal void Rewound(string provider, string topic) =>
        _rewinds.Add(1, new("provider", provider), new("topic", topic));

    internal void Delivered(string provider, string topic, TimeSpan latency) =>
        _deliveryLatency.Record(Math.Max(latency.TotalMilliseconds, 0), new("provider", provider), new("topic", topic));

    internal void Track(string provider, TopicPartition partition, IConsumer<byte[], byte[]> consumer) =>
        _tracked[(provider, partition)] = consumer;

    internal void Untrack(string provider, TopicPartition partition) => _tracked.TryRemove((provider, partition), out _);

    private IEnumerable<Measurement<long>> ObserveLag()
    {
        foreach (var ((provider, partition), consumer) in _tracked)
        {
            long lag;
            try
            {
                // Both values are cached by librdkafka from its fetches; neither call goes to the broker.
                var high = consumer.GetWatermarkOffsets(partition).High;
                var position = consumer.Position(partition);
                if (high == Offset.Unset || position == Offset.Unset)
                {
                    continue;
                }

                lag = Math.Max(high.Value - position.Value, 0);
            }
            catch (Exception ex) when (ex is KafkaException or ObjectDisposedException)
            {
                continue;
            }

            yield return new Measurement<long>(
                lag,
                new("provider", provider),
                new("topic", partition.Topic),
                new("partition", partition.Partition.Value));
        }
    }
}

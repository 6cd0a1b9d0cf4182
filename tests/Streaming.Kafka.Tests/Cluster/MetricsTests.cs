using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using Streaming.Kafka.Embedded;

namespace Streaming.Kafka.Tests.Cluster;

/// <summary>Runs alone: a meter listener hears every cluster in the process.</summary>
[CollectionDefinition(nameof(MetricsTests), DisableParallelization = true)]
public sealed class MetricsTestGroup;

[Collection(nameof(MetricsTests))]
[Trait("Category", "Kafka")]
public sealed class MetricsTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly EmbeddedKafkaBroker _broker = EmbeddedKafkaBroker.Start();
    private readonly ConcurrentDictionary<string, double> _totals = new();
    private readonly ConcurrentDictionary<string, int> _lagPartitions = new();
    private readonly MeterListener _listener = new();

    public MetricsTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == KafkaStreamMetrics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (instrument.Name == "kafka.stream.consumer.lag")
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "partition")
                    {
                        _lagPartitions[Convert.ToString(tag.Value, CultureInfo.InvariantCulture)!] = (int)value;
                    }
                }

                return;
            }

            _totals.AddOrUpdate(instrument.Name, value, (_, total) => total + value);
        });
        _listener.SetMeasurementEventCallback<double>((instrument, _, _, _) => _totals.AddOrUpdate(instrument.Name + ".count", 1, (_, n) => n + 1));
        _listener.Start();
    }

    public void Dispose()
    {
        _listener.Dispose();
        _broker.Dispose();
    }

    [Fact]
    public async Task The_provider_counts_records_and_reports_lag_and_delivery_latency()
    {
        await using var harness = await ClusterHarness.StartAsync(_broker);
        var publisher = harness.Cluster.Client.GetGrain<IPublisherGrain>(0);

        await ClusterHarness.ProduceAsync(_broker, 300, value: n => n % 100 == 0 ? "poison" : n.ToString(CultureInfo.InvariantCulture));
        await publisher.PublishAsync("k01", "published");
        await harness.Log.WaitForDistinctAsync(298, Patience);
        await harness.Log.WaitAsync(_ => _totals.GetValueOrDefault("kafka.stream.delivery.latency.count") >= 298, Patience, "latency measurements");
        _listener.RecordObservableInstruments();

        Assert.Equal(301, _totals.GetValueOrDefault("kafka.stream.records.consumed"));
        Assert.Equal(3, _totals.GetValueOrDefault("kafka.stream.records.dead_lettered"));
        Assert.Equal(1, _totals.GetValueOrDefault("kafka.stream.records.produced"));
        Assert.Equal(["0", "1", "2", "3"], _lagPartitions.Keys.Order());
        Assert.All(_lagPartitions.Values, lag => Assert.Equal(0, lag));
    }
}

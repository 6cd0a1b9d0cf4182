using System.Globalization;
using System.Text;
using Confluent.Kafka;
using Streaming.Kafka.Embedded;
using Streaming.Kafka.Providers;

namespace Streaming.Kafka.Tests.Cluster;

[Trait("Category", "Kafka")]
public sealed class DeliveryTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly EmbeddedKafkaBroker _broker = EmbeddedKafkaBroker.Start();

    public void Dispose() => _broker.Dispose();

    [Fact]
    public async Task Twenty_thousand_records_over_four_partitions_are_each_delivered_exactly_once()
    {
        await using var harness = await ClusterHarness.StartAsync(_broker);

        await ClusterHarness.ProduceAsync(_broker, 20_000, keys: 200);
        await harness.Log.WaitAsync(d => d.Count >= 20_000, Patience, "20,000 deliveries");
        // Anything delivered twice would arrive right behind the rest; let the cluster drain before counting.
        await harness.Cluster.StopAllSilosAsync();

        var deliveries = harness.Log.Snapshot();
        Assert.Equal(20_000, deliveries.Count);
        Assert.Equal(20_000, deliveries.Select(d => d.Token).Distinct().Count());
        Assert.Equal(200, deliveries.Select(d => d.Key).Distinct().Count());
        Assert.All(deliveries.GroupBy(d => d.Key), key => Assert.Equal(100, key.Count()));
        Assert.All(deliveries, d => Assert.Equal($"k{int.Parse(d.Value, CultureInfo.InvariantCulture) % 200:00}", d.Key));
        Assert.Equal([0, 1, 2, 3], deliveries.Select(d => d.Token.Partition).Distinct().Order());
    }

    [Fact]
    public async Task One_record_that_maps_to_three_events_reaches_three_grains_with_distinct_indexes()
    {
        await using var harness = await ClusterHarness.StartAsync(_broker);

        await ClusterHarness.ProduceAsync(_broker, 1, value: _ => "multi:red,green,blue");
        var deliveries = await harness.Log.WaitAsync(d => d.Count >= 3, Patience, "three events");

        Assert.Equal(["blue", "green", "red"], deliveries.Select(d => d.Key).Order());
        Assert.Single(deliveries.Select(d => (d.Token.Partition, d.Token.Offset)).Distinct());
        Assert.Equal([0, 1, 2], deliveries.Select(d => d.Token.EventIndex).Order());
    }

    [Fact]
    public async Task Each_delivery_names_the_streams_previous_record_once_the_receiver_has_read_one()
    {
        // No commit in this test: a commit past a stream's last record makes the receiver forget it, since it is durable.
        await using var harness = await ClusterHarness.StartAsync(_broker, configure: o => o.CommitInterval = TimeSpan.FromHours(1));

        // One record at a time, each delivered before the next is produced, so each is a delivery of its own.
        for (var i = 0; i < 3; i++)
        {
            await ClusterHarness.ProduceAsync(_broker, 1, keys: 1, first: i);
            await harness.Log.WaitAsync(d => d.Count > i, Patience, $"delivery {i + 1}");
        }

        var deliveries = harness.Log.Snapshot().OrderBy(d => d.Token.Offset).ToList();
        Assert.Null(deliveries[0].PrecedingOffset);
        Assert.Equal(deliveries[0].Token.Offset, deliveries[1].PrecedingOffset);
        Assert.Equal(deliveries[1].Token.Offset, deliveries[2].PrecedingOffset);
    }

    [Fact]
    public async Task A_restarted_cluster_resumes_from_the_committed_offsets()
    {
        IReadOnlyList<Delivery> before;
        await using (var first = await ClusterHarness.StartAsync(_broker))
        {
            await ClusterHarness.ProduceAsync(_broker, 2_000);
            await first.Log.WaitForDistinctAsync(2_000, Patience);
            await first.Cluster.StopAllSilosAsync();
            before = first.Log.Snapshot();
        }

        var committed = ClusterHarness.CommittedOffsets(_broker);
        Assert.All(committed.Zip(ClusterHarness.EndOffsets(_broker)), c => Assert.InRange(c.First, 1, c.Second));

        await ClusterHarness.ProduceAsync(_broker, 1_000, first: 2_000);
        await using var second = await ClusterHarness.StartAsync(_broker);
        await second.Log.WaitAsync(d => d.Count(x => int.Parse(x.Value, CultureInfo.InvariantCulture) >= 2_000) >= 1_000, Patience, "the 1,000 new records");
        await second.Cluster.StopAllSilosAsync();

        var after = second.Log.Snapshot();
        var tail = after.Where(d => int.Parse(d.Value, CultureInfo.InvariantCulture) < 2_000).ToList();
        // Nothing is lost, and nothing before the committed offsets is read again.
        Assert.Equal(Enumerable.Range(0, 3_000), before.Concat(after).Select(d => int.Parse(d.Value, CultureInfo.InvariantCulture)).Distinct().Order());
        Assert.All(after, d => Assert.True(d.Token.Offset >= committed[d.Token.Partition], $"{d.Token} is before the commit"));
        // The redelivered tail, if any, is recognisable: the same events with the same tokens.
        var seen = before.Select(d => (d.Key, d.Token, d.Value)).ToHashSet();
        Assert.All(tail, d => Assert.Contains((d.Key, d.Token, d.Value), seen));
        Assert.Equal(1_000, after.Count - tail.Count);
    }

    [Fact]
    public async Task Poison_records_go_to_the_dead_letter_topic_with_their_headers_and_the_rest_flows()
    {
        await using var harness = await ClusterHarness.StartAsync(_broker);

        await ClusterHarness.ProduceAsync(_broker, 5_000, value: n => n % 100 == 7 ? $"poison {n}" : n.ToString(CultureInfo.InvariantCulture));
        var deliveries = await harness.Log.WaitForDistinctAsync(4_950, Patience);
        var dead = ReadAll(ClusterHarness.DeadLetters, expected: 50);

        Assert.Equal(4_950, deliveries.Count);
        Assert.DoesNotContain(deliveries, d => d.Value.StartsWith("poison", StringComparison.Ordinal));
        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"poison {(i * 100) + 7}").Order(), dead.Select(r => Text(r.Message.Value)).Order());
        Assert.All(dead, record =>
        {
            Assert.Equal(ClusterHarness.Topic, Header(record, "dlq.source.topic"));
            Assert.InRange(int.Parse(Header(record, "dlq.source.partition")!, CultureInfo.InvariantCulture), 0, 3);
            Assert.True(long.Parse(Header(record, "dlq.source.offset")!, CultureInfo.InvariantCulture) >= 0);
            Assert.StartsWith("test poison at offset ", Header(record, "dlq.error"), StringComparison.Ordinal);
            Assert.Equal(typeof(FormatException).FullName, Header(record, "dlq.error.type"));
        });
    }

    [Fact]
    public async Task When_one_of_two_silos_stops_the_other_takes_over_every_partition_without_loss()
    {
        await using var harness = await ClusterHarness.StartAsync(_broker, silos: 2);

        await ClusterHarness.ProduceAsync(_broker, 2_000);
        await harness.Log.WaitForDistinctAsync(2_000, Patience);
        await harness.Cluster.StopSiloAsync(harness.Cluster.Silos[1]);

        await ClusterHarness.ProduceAsync(_broker, 2_000, first: 2_000);
        var deliveries = await harness.Log.WaitForDistinctAsync(4_000, Patience);

        var values = deliveries.Select(d => int.Parse(d.Value, CultureInfo.InvariantCulture)).Distinct().Order();
        Assert.Equal(Enumerable.Range(0, 4_000), values);
        Assert.Single(harness.Cluster.GetActiveSilos());
        // A redelivered event carries the same token as its first delivery.
        Assert.All(deliveries.GroupBy(d => d.Token), same => Assert.Single(same.Select(d => (d.Key, d.Value)).Distinct()));
    }

    [Fact]
    public async Task OnNextAsync_from_a_grain_goes_through_kafka_and_back_to_the_subscriber()
    {
        await using var harness = await ClusterHarness.StartAsync(_broker);
        var publisher = harness.Cluster.Client.GetGrain<IPublisherGrain>(0);

        await publisher.PublishAsync("round-trip", "hello");
        await publisher.PublishAsync("round-trip", "again");
        var deliveries = await harness.Log.WaitAsync(d => d.Count >= 2, Patience, "two round-tripped events");

        Assert.Equal(["hello", "again"], deliveries.Select(d => d.Value));
        Assert.All(deliveries, d => Assert.Equal("round-trip", d.Key));
        var record = ReadAll(ClusterHarness.Topic, expected: 2)[0];
        Assert.Equal("round-trip", Text(record.Message.Key));
    }

    [Fact]
    public async Task A_client_publishes_through_its_own_provider_to_the_silo_subscribers()
    {
        await using var harness = await ClusterHarness.StartAsync(_broker);
        var stream = harness.Cluster.Client.GetStreamProvider(ClusterHarness.Provider)
            .GetStream<Mapping.KafkaPayload>(Orleans.Runtime.StreamId.Create(ClusterHarness.Namespace, "from-client"));

        await stream.OnNextAsync(new Mapping.KafkaPayload(Encoding.UTF8.GetBytes("from-client"), Encoding.UTF8.GetBytes("hi"), DateTimeOffset.UtcNow));
        var delivery = (await harness.Log.WaitAsync(d => d.Count >= 1, Patience, "the client's event")).Single();

        Assert.Equal(("from-client", "hi"), (delivery.Key, delivery.Value));
    }

    private static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);

    private static string? Header(ConsumeResult<byte[], byte[]> record, string name) =>
        record.Message.Headers.TryGetLastBytes(name, out var bytes) ? Text(bytes) : null;

    private List<ConsumeResult<byte[], byte[]>> ReadAll(string topic, int expected)
    {
        using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig
        {
            BootstrapServers = _broker.BootstrapServers,
            GroupId = $"reader-{Guid.NewGuid():N}",
            EnableAutoCommit = false,
        }).Build();
        consumer.Assign(Enumerable.Range(0, 4).Select(p => new TopicPartitionOffset(topic, p, Offset.Beginning)));
        var records = new List<ConsumeResult<byte[], byte[]>>();
        var deadline = DateTime.UtcNow + Patience;
        while (records.Count < expected && DateTime.UtcNow < deadline)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(100)) is { IsPartitionEOF: false } record)
            {
                records.Add(record);
            }
        }

        return records;
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text;
using Confluent.Kafka;

namespace Streaming.Kafka.Tests.Cluster;

[Trait("Category", "Kafka")]
public sealed class DeliveryTests(KafkaClusterFixture fixture) : IClassFixture<KafkaClusterFixture>
{
    [Fact]
    public async Task Every_record_over_four_partitions_is_delivered_once_to_its_keyed_grain()
    {
        const int keys = 40;
        const int perKey = 100;
        using (var producer = new ProducerBuilder<byte[], byte[]>(new ProducerConfig { BootstrapServers = fixture.Broker.BootstrapServers, LingerMs = 5 }).Build())
        {
            var writes = new List<Task>();
            for (var i = 0; i < keys * perKey; i++)
            {
                var key = $"k{i % keys:00}";
                writes.Add(producer.ProduceAsync(KafkaClusterFixture.Topic, new Message<byte[], byte[]>
                {
                    Key = Encoding.UTF8.GetBytes(key),
                    Value = Encoding.UTF8.GetBytes(i.ToString(CultureInfo.InvariantCulture)),
                }));
            }

            await Task.WhenAll(writes);
        }

        var clock = Stopwatch.StartNew();
        while (fixture.Log.Count < keys * perKey && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(50);
        }

        var deliveries = fixture.Log.Snapshot();
        Assert.Equal(keys * perKey, deliveries.Count);
        Assert.All(deliveries.GroupBy(d => d.Key), group => Assert.Equal(perKey, group.Count()));
        Assert.Equal(keys, deliveries.Select(d => d.Key).Distinct().Count());
        Assert.Equal(deliveries.Count, deliveries.Select(d => d.Token).Distinct().Count());
        Assert.Equal([0, 1, 2, 3], deliveries.Select(d => d.Token.Partition).Distinct().Order());
    }
}

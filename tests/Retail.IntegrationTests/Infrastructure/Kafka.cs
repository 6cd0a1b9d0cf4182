using System.Text;
using Confluent.Kafka;

namespace Retail.IntegrationTests.Infrastructure;

/// <summary>Plain Confluent.Kafka clients, as any producer or consumer outside the platform would use.</summary>
internal static class Kafka
{
    public static IProducer<byte[], byte[]> Producer(string bootstrap) =>
        new ProducerBuilder<byte[], byte[]>(new ProducerConfig { BootstrapServers = bootstrap, LingerMs = 2 }).Build();

    public static Task<DeliveryResult<byte[], byte[]>> SendAsync(this IProducer<byte[], byte[]> producer, string topic, string? key, string value) =>
        producer.ProduceAsync(topic, new Message<byte[], byte[]>
        {
            Key = key is null ? null! : Encoding.UTF8.GetBytes(key),
            Value = Encoding.UTF8.GetBytes(value),
        });

    /// <summary>Reads every partition of <paramref name="topic"/> from the start until <paramref name="found"/> matches a record.</summary>
    public static ConsumeResult<byte[], byte[]> Find(string bootstrap, string topic, Func<ConsumeResult<byte[], byte[]>, bool> found, TimeSpan timeout)
    {
        using var consumer = FromTheStart(bootstrap, topic, out _);
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (result is not null && found(result))
            {
                return result;
            }
        }

        throw new TimeoutException($"No matching record in {topic} within {timeout}.");
    }

    /// <summary>Every record in <paramref name="topic"/> up to its current end.</summary>
    public static List<ConsumeResult<byte[], byte[]>> ReadToEnd(string bootstrap, string topic)
    {
        using var consumer = FromTheStart(bootstrap, topic, out var partitions);
        var ends = partitions.ToDictionary(p => p.Partition.Value, p => consumer.QueryWatermarkOffsets(p, TimeSpan.FromSeconds(10)).High.Value);
        var records = new List<ConsumeResult<byte[], byte[]>>();
        var remaining = ends.Values.Sum();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (remaining > 0 && DateTime.UtcNow < deadline)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(100)) is { } record && record.Offset.Value < ends[record.Partition.Value])
            {
                records.Add(record);
                remaining--;
            }
        }

        return records;
    }

    /// <summary>A consumer of its own group, assigned every partition of <paramref name="topic"/> from the beginning.</summary>
    private static IConsumer<byte[], byte[]> FromTheStart(string bootstrap, string topic, out List<TopicPartition> partitions)
    {
        using (var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrap }).Build())
        {
            partitions = admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics.Single().Partitions
                .Select(p => new TopicPartition(topic, p.PartitionId))
                .ToList();
        }

        var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrap,
            GroupId = $"test-{Guid.NewGuid():N}",
            EnableAutoCommit = false,
        }).Build();
        consumer.Assign(partitions.Select(p => new TopicPartitionOffset(p, Offset.Beginning)));
        return consumer;
    }

    public static string? Header(this ConsumeResult<byte[], byte[]> result, string name) =>
        result.Message.Headers.TryGetLastBytes(name, out var bytes) ? Encoding.UTF8.GetString(bytes) : null;
}

using System.ComponentModel.DataAnnotations;
using Confluent.Kafka;

namespace Streaming.Kafka.Hosting;

/// <summary>Settings of one named Kafka stream provider.</summary>
public sealed class KafkaStreamOptions
{
    /// <summary>Comma-separated <c>host:port</c> list of Kafka brokers.</summary>
    public string BootstrapServers { get; set; } = string.Empty;

    /// <summary>
    /// Consumer group under which partition offsets are committed. Partitions are assigned manually by the
    /// Orleans queue balancer, so the group only names where offsets are kept.
    /// </summary>
    public string ConsumerGroupId { get; set; } = "orleans-streams";

    /// <summary>The topics read and written, each mapped to one stream namespace.</summary>
    public IList<KafkaTopicOptions> Topics { get; } = new List<KafkaTopicOptions>();

    /// <summary>Where a partition starts when its group has no committed offset.</summary>
    public KafkaStartOffset StartOffset { get; set; } = KafkaStartOffset.Earliest;

    /// <summary>Topic that receives records which could not be mapped, unchanged, with headers saying why.</summary>
    public string DeadLetterTopic { get; set; } = "dead_letters";

    /// <summary>Most records read from one partition per pull.</summary>
    [Range(1, 100_000)]
    public int MaxBatchSize { get; set; } = 4_000;

    /// <summary>
    /// Most event containers one partition's cache holds, delivered or not, before its reader waits for the
    /// consumers. A container holds one stream's events from one pull.
    /// </summary>
    [Range(1, 1_000_000)]
    public int CacheSize { get; set; } = 8_192;

    /// <summary>
    /// How often each partition tries to commit its offset. Each commit first asks the commit gate, so this
    /// also bounds how long a consumer may keep effects in memory before it must make them durable.
    /// </summary>
    /// <remarks>
    /// A write-behind consumer writes once per interval however many events it took, so a longer interval means
    /// fewer writes for busy consumers; the gate spreads its asks over half the interval, so that one round of
    /// thousands does not hold up deliveries. After a crash, up to about one interval of records is read again.
    /// </remarks>
    public TimeSpan CommitInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long start-up keeps retrying to read topic metadata before it gives up.</summary>
    public TimeSpan MetadataTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// librdkafka settings for every client of the provider: its consumers, its producer and its admin client (for
    /// example <c>security.protocol</c> and the SASL settings).
    /// </summary>
    public IDictionary<string, string> ClientSettings { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Extra librdkafka consumer settings, applied after <see cref="ClientSettings"/>.</summary>
    public IDictionary<string, string> ConsumerSettings { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Extra librdkafka producer settings, applied after <see cref="ClientSettings"/>.</summary>
    public IDictionary<string, string> ProducerSettings { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The configuration of one partition's consumer: the provider's own, then the client and consumer settings.</summary>
    public ConsumerConfig CreateConsumerConfig(string clientId) => Layered(new ConsumerConfig
    {
        BootstrapServers = BootstrapServers,
        GroupId = ConsumerGroupId,
        ClientId = clientId,
        EnableAutoCommit = false,
        EnableAutoOffsetStore = false,
        AutoOffsetReset = StartOffset == KafkaStartOffset.Earliest ? AutoOffsetReset.Earliest : AutoOffsetReset.Latest,
        // A receiver reads one partition; keep its prefetch modest, since a silo may own many.
        QueuedMaxMessagesKbytes = 16 * 1024,
        // A receiver knows its topic; without it, each record no longer costs a copy of the topic's name.
        ConsumeResultFields = "timestamp,headers",
    }, ConsumerSettings);

    /// <summary>The configuration of the provider's producer: the provider's own, then the client and producer settings.</summary>
    public ProducerConfig CreateProducerConfig(string clientId) => Layered(new ProducerConfig
    {
        BootstrapServers = BootstrapServers,
        ClientId = clientId,
        EnableIdempotence = true,
        Acks = Acks.All,
        LingerMs = 5,
    }, ProducerSettings);

    /// <summary>The configuration of the admin client that reads topic metadata.</summary>
    public AdminClientConfig CreateAdminConfig() => Layered(new AdminClientConfig { BootstrapServers = BootstrapServers }, null);

    private T Layered<T>(T config, IDictionary<string, string>? specific)
        where T : ClientConfig
    {
        foreach (var (key, value) in ClientSettings.Concat(specific ?? new Dictionary<string, string>()))
        {
            config.Set(key, value);
        }

        return config;
    }

    /// <summary>
    /// Adds a topic that feeds, and is written by, the stream namespace of the same name or of
    /// <paramref name="streamNamespace"/>. With <paramref name="consume"/> off, the topic is only written.
    /// </summary>
    public KafkaStreamOptions AddTopic(string topic, string? streamNamespace = null, bool consume = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        Topics.Add(new KafkaTopicOptions { Name = topic, StreamNamespace = streamNamespace ?? topic, Consume = consume });
        return this;
    }
}

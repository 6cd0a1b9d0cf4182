using Orleans.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Streaming.Kafka.Hosting;
using Streaming.Kafka.Mapping;
using Streaming.Kafka.ExactlyOnce;

namespace Streaming.Kafka.Providers;

/// <summary>Creates the Kafka adapter, queue mapper and cache of one named stream provider.</summary>
public sealed partial class KafkaAdapterFactory : IQueueAdapterFactory
{
    private readonly string _name;
    private readonly KafkaStreamOptions _options;
    private readonly int _deliveryBatchSize;
    private readonly IKafkaRecordMapper _mapper;
    private readonly IKafkaCommitGate _gate;
    private readonly KafkaStreamMetrics _metrics;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly Lazy<KafkaTopology> _topology;
    private readonly KafkaProducerOwner _producer;
    private readonly DeliveryFailures _failures = new();
    private IQueueAdapterCache? _cache;
    private KafkaQueueMapper? _queueMapper;

    private KafkaAdapterFactory(
        string name,
        KafkaStreamOptions options,
        int deliveryBatchSize,
        IKafkaRecordMapper mapper,
        IKafkaCommitGate gate,
        KafkaProducerOwner producer,
        KafkaStreamMetrics metrics,
        ILoggerFactory loggerFactory)
    {
        _producer = producer;
        _name = name;
        _options = options;
        _deliveryBatchSize = deliveryBatchSize;
        _mapper = mapper;
        _gate = gate;
        _metrics = metrics;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<KafkaAdapterFactory>();
        _topology = new Lazy<KafkaTopology>(DiscoverTopology);
    }

    /// <summary>The factory method that Orleans' <c>AddPersistentStreams</c> calls for provider <paramref name="name"/>.</summary>
    public static KafkaAdapterFactory Create(IServiceProvider services, string name)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new KafkaAdapterFactory(
            name,
            services.GetOptionsByName<KafkaStreamOptions>(name),
            services.GetOptionsByName<StreamPullingAgentOptions>(name).BatchContainerBatchSize,
            services.GetRequiredKeyedService<IKafkaRecordMapper>(name),
            services.GetRequiredKeyedService<IKafkaCommitGate>(name),
            services.GetRequiredKeyedService<KafkaProducerOwner>(name),
            services.GetRequiredService<KafkaStreamMetrics>(),
            services.GetRequiredService<ILoggerFactory>());
    }

    public async Task<IQueueAdapter> CreateAdapter()
    {
        // Reading metadata blocks and may retry for a while; keep it off the Orleans scheduler.
        var topology = await Task.Run(() => _topology.Value);
        return new KafkaAdapter(_name, _options, topology, _mapper, _gate, _failures, _producer.Producer, _metrics, _loggerFactory);
    }

    public IQueueAdapterCache GetQueueAdapterCache() => _cache ??= new KafkaQueueAdapterCache(_options.CacheSize, _deliveryBatchSize);

    public IStreamQueueMapper GetStreamQueueMapper() => _queueMapper ??= new KafkaQueueMapper(_topology.Value);

    public Task<IStreamFailureHandler> GetDeliveryFailureHandler(QueueId queueId) =>
        Task.FromResult(_failures.HandlerFor(queueId));

    private KafkaTopology DiscoverTopology()
    {
        var topics = new List<KafkaTopic>(_options.Topics.Count);
        var unknown = _options.Topics.Where(t => t.Partitions is null).Select(t => t.Name).ToList();
        var discovered = unknown.Count == 0 ? [] : ReadPartitionCounts(unknown);
        foreach (var topic in _options.Topics)
        {
            var partitions = topic.Partitions ?? discovered[topic.Name];
            topics.Add(new KafkaTopic(topic.Name, topic.StreamNamespace, partitions, topic.Consume));
            LogTopic(_name, topic.Name, topic.StreamNamespace, partitions);
        }

        return new KafkaTopology(topics);
    }

    private Dictionary<string, int> ReadPartitionCounts(List<string> topics)
    {
        using var admin = new AdminClientBuilder(_options.CreateAdminConfig())
            .SetLogHandler((_, message) => KafkaLog.Write(_logger, message))
            .Build();
        var deadline = DateTime.UtcNow + _options.MetadataTimeout;
        var delay = TimeSpan.FromMilliseconds(250);
        for (var attempt = 1; ; attempt++)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            string? problem = null;
            try
            {
                foreach (var topic in topics)
                {
                    var metadata = admin.GetMetadata(topic, TimeSpan.FromSeconds(5)).Topics.FirstOrDefault(t => t.Topic == topic);
                    if (metadata is null || metadata.Error.IsError || metadata.Partitions.Count == 0)
                    {
                        problem = $"topic '{topic}': {metadata?.Error.Reason ?? "no metadata"}";
                        break;
                    }

                    counts[topic] = metadata.Partitions.Count;
                }
            }
            catch (KafkaException ex)
            {
                problem = ex.Error.Reason;
            }

            if (problem is null)
            {
                return counts;
            }

            if (DateTime.UtcNow + delay > deadline)
            {
                throw new InvalidOperationException(
                    $"Kafka stream provider '{_name}' could not read topic metadata from {_options.BootstrapServers} within {_options.MetadataTimeout}: {problem}. " +
                    "Check that the brokers are reachable, or set each topic's Partitions so that start-up does not need them.");
            }

            LogMetadataRetry(_name, _options.BootstrapServers, attempt, delay, problem);
            Thread.Sleep(delay);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stream provider {Provider}: topic {Topic} feeds namespace {Namespace} with {Partitions} partitions")]
    private partial void LogTopic(string provider, string topic, string @namespace, int partitions);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stream provider {Provider}: Kafka at {Bootstrap} not ready (attempt {Attempt}), retrying in {Delay}: {Problem}")]
    private partial void LogMetadataRetry(string provider, string bootstrap, int attempt, TimeSpan delay, string problem);
}

using System.Text;
using Confluent.Kafka;
using Retail.Generators.Records;

namespace Retail.Generators.Output;

/// <summary>
/// Produces records straight to Kafka, each stream to its topic. librdkafka's log lines go to <paramref name="log"/>
/// when given (a host's logger), else to stderr. <paramref name="settings"/> are librdkafka settings applied last.
/// </summary>
public sealed class KafkaSink(
    string bootstrapServers,
    Func<string, string> topicOf,
    Action<LogMessage>? log = null,
    IReadOnlyDictionary<string, string>? settings = null) : ISink
{
    private readonly IProducer<byte[], byte[]> _producer = Build(Config(bootstrapServers, settings), log);

    private readonly Func<string, string> _topicOf = topicOf;
    private long _sent;
    private long _failed;

    public long Sent => Interlocked.Read(ref _sent);

    public long Failed => Interlocked.Read(ref _failed);

    public async ValueTask SendAsync(OutboundRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var message = new Message<byte[], byte[]>
        {
            Key = record.Key is null ? null! : Encoding.UTF8.GetBytes(record.Key),
            Value = record.Value,
        };
        while (true)
        {
            try
            {
                _producer.Produce(_topicOf(record.Stream), message, Report);
                return;
            }
            catch (ProduceException<byte[], byte[]> ex) when (ex.Error.Code == ErrorCode.Local_QueueFull)
            {
                // The local queue is full: let deliveries drain, then try again.
                await Task.Delay(10, cancellationToken);
            }
        }
    }

    /// <summary>The producer's configuration: ours, then <paramref name="settings"/>.</summary>
    public static ProducerConfig Config(string bootstrapServers, IReadOnlyDictionary<string, string>? settings)
    {
        var config = new ProducerConfig
        {
            BootstrapServers = bootstrapServers,
            ClientId = "retail-datagen",
            LingerMs = 5,
            EnableIdempotence = true,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            config.Set(key, value);
        }

        return config;
    }

    private static IProducer<byte[], byte[]> Build(ProducerConfig config, Action<LogMessage>? log)
    {
        var builder = new ProducerBuilder<byte[], byte[]>(config);
        if (log is not null)
        {
            builder.SetLogHandler((_, message) => log(message));
        }

        return builder.Build();
    }

    public Task FlushAsync(CancellationToken cancellationToken) => Task.Run(() => _producer.Flush(cancellationToken), cancellationToken);

    public ValueTask DisposeAsync()
    {
        _producer.Flush(TimeSpan.FromSeconds(10));
        _producer.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Report(DeliveryReport<byte[], byte[]> report) =>
        Interlocked.Increment(ref report.Error.IsError ? ref _failed : ref _sent);
}

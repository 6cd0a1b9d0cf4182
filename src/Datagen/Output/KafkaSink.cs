using System.Text;
using Confluent.Kafka;
using Retail.Datagen.Records;

namespace Retail.Datagen.Output;

/// <summary>Produces records straight to Kafka, each stream to its topic.</summary>
public sealed class KafkaSink(string bootstrapServers, Func<string, string>? topicOf = null) : ISink
{
    private readonly IProducer<byte[], byte[]> _producer = new ProducerBuilder<byte[], byte[]>(new ProducerConfig
    {
        BootstrapServers = bootstrapServers,
        ClientId = "retail-datagen",
        LingerMs = 5,
        EnableIdempotence = true,
    }).Build();

    private readonly Func<string, string> _topicOf = topicOf ?? Streams.KafkaTopic;
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

using Streaming.Kafka.Hosting;

namespace Streaming.Kafka.Providers;

/// <summary>
/// Owns the one producer a provider shares between publishing and dead-lettering. A keyed singleton, so the
/// host disposes it, flushing what is still queued, when it stops.
/// </summary>
internal sealed class KafkaProducerOwner(string name, KafkaStreamOptions options, ILogger<KafkaProducerOwner> logger) : IDisposable
{
    private readonly Lock _lock = new();
    private IProducer<byte[], byte[]>? _producer;

    public IProducer<byte[], byte[]> Producer
    {
        get
        {
            lock (_lock)
            {
                return _producer ??= Build();
            }
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _producer?.Flush(TimeSpan.FromSeconds(5));
            _producer?.Dispose();
            _producer = null;
        }
    }

    private IProducer<byte[], byte[]> Build()
    {
        return new ProducerBuilder<byte[], byte[]>(options.CreateProducerConfig($"{name}-producer"))
            .SetLogHandler((_, message) => KafkaLog.Write(logger, message))
            .Build();
    }
}

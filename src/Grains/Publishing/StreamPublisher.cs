namespace Retail.Grains.Publishing;

/// <summary>
/// Publishes events to the retail stream provider's queues, as <c>OnNextAsync</c> on one of its streams does, but
/// without the stream object: Orleans caches each stream a grain obtains in the activation's stream directory for
/// the activation's lifetime, about a quarter of a kilobyte each. A variant publishes on two streams, and a silo
/// holds a hundred thousand variants.
/// </summary>
public sealed class StreamPublisher
{
    private readonly Lazy<Task<IQueueAdapter>> _adapter;

    public StreamPublisher(IQueueAdapterFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        _adapter = new Lazy<Task<IQueueAdapter>>(() => factory.CreateAdapter(CancellationToken.None));
    }

    /// <summary>Queues <paramref name="item"/> on <paramref name="streamId"/>; completes once the provider has it.</summary>
    public async Task PublishAsync<T>(StreamId streamId, T item)
    {
        var adapter = await _adapter.Value;
        await adapter.QueueMessageBatchAsync(streamId, [item], token: null, requestContext: null);
    }
}

namespace Retail.Grains.Publishing;

/// <summary>
/// Publishes events to the retail stream provider's queues, as <c>OnNextAsync</c> on one of its streams does, but
/// without the stream object: Orleans caches each stream a grain obtains in the activation's stream directory for
/// the activation's lifetime, about a quarter of a kilobyte each. A variant publishes on two streams, and a silo
/// holds a hundred thousand variants.
/// </summary>
public sealed class StreamPublisher(IQueueAdapterFactory factory)
{
    private Task<IQueueAdapter>? _adapter;

    /// <summary>Queues <paramref name="item"/> on <paramref name="streamId"/>; completes once the provider has it.</summary>
    public async Task PublishAsync<T>(StreamId streamId, T item)
    {
        var adapter = await Adapter();
        await adapter.QueueMessageBatchAsync(streamId, [item], token: null, requestContext: null);
    }

    // Created once, off the calling grain's scheduler; made again if that failed. Two callers racing may each
    // make one, which costs nothing but the spare object.
    private Task<IQueueAdapter> Adapter()
    {
        var adapter = Volatile.Read(ref _adapter);
        if (adapter is null || adapter.IsFaulted || adapter.IsCanceled)
        {
            adapter = Task.Run(() => factory.CreateAdapter(CancellationToken.None));
            Volatile.Write(ref _adapter, adapter);
        }

        return adapter;
    }
}

namespace Streaming.Kafka.Providers;

/// <summary>
/// Writes events to a Kafka stream provider's topics as a stream's <c>OnNextAsync</c> would, but without the stream
/// object, which Orleans keeps in the calling activation for its lifetime. Registered per provider, keyed by its name.
/// </summary>
public sealed class KafkaStreamWriter(IQueueAdapterFactory factory)
{
    private Task<IQueueAdapter>? _adapter;

    /// <summary>Queues <paramref name="item"/> on <paramref name="streamId"/>; completes once Kafka has acknowledged it.</summary>
    public async Task WriteAsync<T>(StreamId streamId, T item)
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

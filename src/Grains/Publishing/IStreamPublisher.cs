namespace Retail.Grains.Publishing;

/// <summary>
/// Publishes events on a stream of the retail provider without a stream object. Orleans caches each stream a
/// grain obtains in the activation's stream directory for its lifetime, about a quarter of a kilobyte each; a
/// variant publishes on two streams, and a silo holds a hundred thousand variants. The host supplies it.
/// </summary>
public interface IStreamPublisher
{
    /// <summary>Queues <paramref name="item"/> on <paramref name="streamId"/>; completes once the provider has it.</summary>
    Task PublishAsync<T>(StreamId streamId, T item);
}

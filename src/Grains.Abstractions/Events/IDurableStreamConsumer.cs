namespace Retail.Grains.Abstractions.Events;

/// <summary>
/// A grain that consumes stream events and keeps their effects in memory for a while before it persists them.
/// Before Kafka offsets are committed, each consumer that received events is asked to make them durable.
/// </summary>
public interface IDurableStreamConsumer : IGrainWithIntegerKey
{
    /// <summary>
    /// Persists pending effects, then tells whether the durable state covers every event counted under
    /// <paramref name="streamNamespace"/> from <paramref name="upTo"/>'s partition up to and including
    /// <paramref name="upTo"/>. A variant counts positions under its events' topic namespaces, since its one stream
    /// merges several topics; other grains under their stream's namespace. <c>false</c> means some were lost (the grain restarted before persisting them)
    /// and must be delivered again.
    /// </summary>
    Task<bool> MakeDurableAsync(string streamNamespace, SourcePosition upTo);
}

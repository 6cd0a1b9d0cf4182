namespace Streaming.Kafka.Providers;

/// <summary>A container in the <see cref="KafkaQueueCache"/>, linked to the next of the cache and of its stream.</summary>
internal sealed class CachedBatch(IBatchContainer batch, long sequence)
{
    public IBatchContainer Batch { get; } = batch;

    /// <summary>Where it came in the cache, from 0: containers leave in this order.</summary>
    public long Sequence { get; } = sequence;

    /// <summary>The container added after this one, of any stream.</summary>
    public CachedBatch? Next { get; set; }

    /// <summary>The next container of the same stream.</summary>
    public CachedBatch? NextInStream { get; set; }

    /// <summary>Set once the cache has let it go.</summary>
    public bool Purged { get; set; }

    /// <summary>Set when Orleans gave up delivering it.</summary>
    public bool DeliveryFailed { get; set; }
}

using System.Collections.Concurrent;

namespace Streaming.Kafka.Providers;

/// <summary>
/// Delivery failures per queue, reported by Orleans when it gives up delivering an event (for example to a
/// grain on a silo that died). The cache then drops the event, so its partition must be read again from the
/// last commit: the offset of a failed event is never committed.
/// </summary>
internal sealed class DeliveryFailures
{
    private readonly ConcurrentDictionary<QueueId, Flag> _flags = new();

    public IStreamFailureHandler HandlerFor(QueueId queue) => new Handler(_flags.GetOrAdd(queue, _ => new Flag()));

    /// <summary>The flag a receiver checks before it commits.</summary>
    public Flag For(QueueId queue) => _flags.GetOrAdd(queue, _ => new Flag());

    internal sealed class Flag
    {
        private int _raised;

        public bool IsRaised => Volatile.Read(ref _raised) != 0;

        public void Raise() => Interlocked.Exchange(ref _raised, 1);

        /// <summary>Clears the flag; true if it was raised.</summary>
        public bool Take() => Interlocked.Exchange(ref _raised, 0) != 0;
    }

    private sealed class Handler(Flag flag) : IStreamFailureHandler
    {
        public bool ShouldFaultSubsriptionOnError => false;

        public Task OnDeliveryFailure(GuidId subscriptionId, string streamProviderName, StreamId streamIdentity, StreamSequenceToken? sequenceToken)
        {
            flag.Raise();
            return Task.CompletedTask;
        }

        public Task OnSubscriptionFailure(GuidId subscriptionId, string streamProviderName, StreamId streamIdentity, StreamSequenceToken? sequenceToken)
        {
            flag.Raise();
            return Task.CompletedTask;
        }
    }
}

using Orleans.Streams.Core;

namespace Retail.Grains.ExactlyOnce;

/// <summary>
/// A grain that consumes its implicit Kafka stream with exactly-once effect: it skips redelivered events by
/// position, refuses a delivery that does not follow on from its state, and persists before the commit gate
/// lets offsets move past what it applied. The one implementation of that protocol for every consuming grain.
/// </summary>
/// <remarks>
/// Write-through grains persist after each delivery: they are rarely updated, and leave memory soon. Write-behind
/// grains keep effects in memory and persist when the commit gate asks (once per commit interval) and on
/// deactivation. When such a grain dies before its write, its next activation refuses deliveries that do not
/// follow on from its state (the provider names each stream's previous record), so the gate finds the state
/// short, the partition is read again from its last commit, and events the grain already has are skipped.
/// </remarks>
/// <typeparam name="TState">The durable state.</typeparam>
/// <typeparam name="TEvent">The events of the stream.</typeparam>
internal abstract class DurableConsumerGrain<TState, TEvent>(IPersistentState<TState> state, bool writeThrough)
    : Grain, IDurableStreamConsumer, IStreamSubscriptionObserver
    where TState : IPositionedState<TState>
{
    // Set while effects are in memory only, until the commit gate's check or deactivation writes them.
    private bool _dirty;

    protected IPersistentState<TState> Persisted => state;

    async Task<bool> IDurableStreamConsumer.MakeDurableAsync(KafkaPosition upTo)
    {
        await FlushAsync();
        return KafkaPositions.Covers(state.State.Applied, upTo);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await FlushAsync();
        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    async Task IStreamSubscriptionObserver.OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        await handleFactory.Create<TEvent>().ResumeAsync(OnDeliveryAsync);

    /// <summary>
    /// Applies a delivery's new events to <paramref name="current"/> and returns the state they leave; positions
    /// are recorded by the caller. A delivery comes from one topic-partition, <paramref name="topic"/>.
    /// </summary>
    protected abstract ValueTask<TState> ApplyAsync(TState current, IReadOnlyList<TEvent> events, string topic);

    /// <summary>A redelivered event was skipped.</summary>
    protected virtual void OnDuplicate(string topic)
    {
    }

    /// <summary>A delivery was refused, because this activation lacks the stream's previous record.</summary>
    protected virtual void OnGap(string topic)
    {
    }

    /// <summary>Keeps <paramref name="next"/> as the state; it is persisted at once if this grain writes through, or on request.</summary>
    protected Task KeepAsync(TState next)
    {
        state.State = next;
        _dirty = true;
        return writeThrough ? FlushAsync() : Task.CompletedTask;
    }

    /// <summary>
    /// Keeps <paramref name="next"/> and persists it at once, whatever this grain's mode: for a change that came by
    /// a direct call, which has no Kafka offset to replay from.
    /// </summary>
    protected async Task KeepNowAsync(TState next)
    {
        await KeepAsync(next);
        await FlushAsync();
    }

    /// <summary>Persists the state if it has effects not yet written. If the write fails, the next call tries again.</summary>
    protected async Task FlushAsync()
    {
        if (!_dirty)
        {
            return;
        }

        await state.WriteStateAsync();
        _dirty = false;
    }

    private async Task OnDeliveryAsync(IList<SequentialItem<TEvent>> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var current = state.State;
        var first = KafkaPosition.Of(batch[0].Token);
        if (KafkaPositions.Follows(current.Applied, first, KafkaDelivery.PrecedingOffset(batch[0].Token)) is false)
        {
            // The stream's previous record is not in this state: an earlier activation applied it and was lost
            // before it persisted. Applying later events on top would hide that gap from the commit gate, which
            // instead finds the state short of this batch and has the partition read again.
            OnGap(first.Topic);
            return;
        }

        // A delivery comes from one topic-partition, so positions are recorded once at the end, not per event.
        var applied = current.Applied;
        var fresh = new List<TEvent>(batch.Count);
        KafkaPosition? newest = null;
        // Indexed, not foreach: the batch is an interface, and its enumerator would be one more object per delivery.
        for (var i = 0; i < batch.Count; i++)
        {
            var item = batch[i];
            var position = KafkaPosition.Of(item.Token);
            if (newest is { } pending && !pending.SamePartition(position))
            {
                KafkaPositions.TryAdvance(applied, pending, out applied);
                newest = null;
            }

            if (newest is { } last ? last.IsAtOrAfter(position) : KafkaPositions.Covers(applied, position))
            {
                OnDuplicate(first.Topic);
                continue;
            }

            fresh.Add(item.Item);
            newest = position;
        }

        if (newest is { } final)
        {
            KafkaPositions.TryAdvance(applied, final, out applied);
        }

        if (fresh.Count > 0)
        {
            var next = await ApplyAsync(current, fresh, first.Topic);
            await KeepAsync(next.WithApplied(applied));
        }
    }
}

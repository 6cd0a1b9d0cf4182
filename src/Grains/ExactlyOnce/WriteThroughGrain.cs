namespace Retail.Grains.ExactlyOnce;

/// <summary>
/// A grain that consumes one stream namespace, writes its state through on every new event and skips
/// redelivered ones by position. Its durable state is always current, so the commit gate's question is only
/// whether the positions cover the checkpoint.
/// </summary>
/// <typeparam name="TState">The durable state.</typeparam>
/// <param name="state">The durable state.</param>
/// <param name="positionNamespace">The namespace its events' positions count under: its stream's.</param>
internal abstract class WriteThroughGrain<TState>(IPersistentState<TState> state, string positionNamespace)
    : Grain, IDurableStreamConsumer
    where TState : IPositionedState<TState>
{
    protected IPersistentState<TState> Persisted => state;

    Task<bool> IDurableStreamConsumer.MakeDurableAsync(string streamNamespace, SourcePosition upTo) =>
        Task.FromResult(AppliedPositions.Covers(state.State.Applied, streamNamespace, upTo));

    /// <summary>
    /// Whether the event at <paramref name="source"/> is new; if so, <paramref name="next"/> is the current state
    /// with its position recorded, for the caller to change further and write.
    /// </summary>
    protected bool TryAdvance(SourcePosition source, out TState next)
    {
        var current = state.State;
        if (!AppliedPositions.TryAdvance(current.Applied, positionNamespace, source, out var applied))
        {
            next = current;
            return false;
        }

        next = current.WithApplied(applied);
        return true;
    }
}

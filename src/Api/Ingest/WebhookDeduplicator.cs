namespace Retail.Api.Ingest;

/// <summary>
/// Remembers the ids of webhooks already written, in bounded memory (the oldest are forgotten first), so a
/// duplicate delivery is acknowledged without a second write. A delivery still being written makes its
/// duplicates wait for its outcome; a failed write is forgotten, so Shopify's retry can write it.
/// </summary>
public sealed class WebhookDeduplicator(int capacity)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Task> _seen = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    /// <summary>How many ids are remembered now.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _seen.Count;
            }
        }
    }

    /// <summary>
    /// Claims <paramref name="id"/> for writing. Returns <c>null</c> when this caller must write it and then
    /// call <see cref="Complete"/>; otherwise the task of the earlier delivery, which completes once it is written.
    /// </summary>
    public Task? Claim(string id, out TaskCompletionSource? claim)
    {
        lock (_lock)
        {
            if (_seen.TryGetValue(id, out var earlier))
            {
                claim = null;
                return earlier;
            }

            claim = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _seen[id] = claim.Task;
            _order.Enqueue(id);
            while (_order.Count > capacity && _order.TryDequeue(out var oldest))
            {
                _seen.Remove(oldest);
            }

            return null;
        }
    }

    /// <summary>Records the outcome of a claimed write.</summary>
    public void Complete(string id, TaskCompletionSource claim, Exception? failure)
    {
        ArgumentNullException.ThrowIfNull(claim);
        if (failure is null)
        {
            claim.TrySetResult();
            return;
        }

        lock (_lock)
        {
            if (_seen.TryGetValue(id, out var task) && task == claim.Task)
            {
                _seen.Remove(id);
            }
        }

        claim.TrySetException(failure);
    }
}

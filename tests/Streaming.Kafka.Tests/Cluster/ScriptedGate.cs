using System.Collections.Concurrent;
using Streaming.Kafka.ExactlyOnce;

namespace Streaming.Kafka.Tests.Cluster;

/// <summary>A commit gate whose answers a test controls: it can hold commits, or report lost effects once.</summary>
public sealed class ScriptedGate : IKafkaCommitGate
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _lossesToReport;

    public ScriptedGate(bool open = true, int lossesToReport = 0)
    {
        if (open)
        {
            _open.SetResult();
        }

        _lossesToReport = lossesToReport;
    }

    public ConcurrentQueue<KafkaCheckpoint> Allowed { get; } = new();

    public void Open() => _open.TrySetResult();

    public async Task<bool> CanCommitAsync(KafkaCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        await _open.Task.WaitAsync(cancellationToken);
        if (Interlocked.Decrement(ref _lossesToReport) >= 0)
        {
            return false;
        }

        Allowed.Enqueue(checkpoint);
        return true;
    }
}

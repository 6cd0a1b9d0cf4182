namespace Streaming.Kafka.ExactlyOnce;

/// <summary>
/// Spreads a checkpoint's asks at an even pace over its spread, the first at once: a round of thousands of asks at
/// once delays the grains' deliveries.
/// </summary>
internal sealed class AskPace(TimeSpan spread, int asks, TimeProvider time)
{
    private readonly long _started = time.GetTimestamp();
    private readonly TimeSpan _step = asks > 0 ? spread / asks : TimeSpan.Zero;
    private int _taken;

    /// <summary>Waits for the next ask's turn, or until <paramref name="hurry"/> is cancelled, which ends the pacing.</summary>
    public async Task NextAsync(CancellationToken hurry)
    {
        var due = (_step * (Interlocked.Increment(ref _taken) - 1)) - time.GetElapsedTime(_started);
        if (due > TimeSpan.FromMilliseconds(1))
        {
            await Task.Delay(due, time, hurry).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}

namespace Retail.Shopify.Admin;

/// <summary>
/// Keeps requests within Shopify's cost-based rate limit: it tracks the bucket from the last reported
/// <see cref="ThrottleStatus"/>, refilling at its restore rate, and tells how long to wait before a query of a
/// given cost fits. Shared by every request to one shop, so the sync and the price writes share one bucket.
/// </summary>
public sealed class CostThrottle(TimeProvider time)
{
    private readonly Lock _lock = new();
    private ThrottleStatus? _status;
    private DateTimeOffset _at;

    /// <summary>How long to wait before a query of <paramref name="cost"/> points fits; it reserves them.</summary>
    public TimeSpan Reserve(double cost)
    {
        lock (_lock)
        {
            if (_status is not { } status || status.RestoreRate <= 0)
            {
                return TimeSpan.Zero;
            }

            var now = time.GetUtcNow();
            var available = Available(status, now);
            // A query dearer than the whole bucket waits for a full bucket: Shopify then runs it or refuses it outright.
            var needed = Math.Min(cost, status.MaximumAvailable);
            _status = status with { CurrentlyAvailable = available - needed };
            _at = now;
            return available >= needed ? TimeSpan.Zero : TimeSpan.FromSeconds((needed - available) / status.RestoreRate);
        }
    }

    /// <summary>Takes the bucket as Shopify last reported it.</summary>
    public void Observe(ThrottleStatus status)
    {
        lock (_lock)
        {
            _status = status;
            _at = time.GetUtcNow();
        }
    }

    private double Available(ThrottleStatus status, DateTimeOffset now) =>
        Math.Min(status.MaximumAvailable, status.CurrentlyAvailable + (status.RestoreRate * Math.Max(0, (now - _at).TotalSeconds)));
}

namespace Retail.Grains.Platform;

/// <summary>The cluster's totals over the last minutes, at most one per interval, oldest first: the KPI page's chart.</summary>
public sealed class ThroughputHistory(TimeSpan interval, TimeSpan span)
{
    private readonly Queue<ClusterThroughput> _points = new();

    /// <summary>Keeps <paramref name="total"/> unless the last point kept is less than an interval older.</summary>
    public void Add(ClusterThroughput total)
    {
        ArgumentNullException.ThrowIfNull(total);
        if (_points.Count > 0 && total.AsOf - _points.Last().AsOf < interval)
        {
            return;
        }

        _points.Enqueue(total);
        while (_points.Peek().AsOf < total.AsOf - span)
        {
            _points.Dequeue();
        }
    }

    /// <summary>The points within the span before <paramref name="now"/>.</summary>
    public ImmutableArray<ClusterThroughput> Points(DateTimeOffset now) => [.. _points.Where(p => p.AsOf >= now - span)];
}

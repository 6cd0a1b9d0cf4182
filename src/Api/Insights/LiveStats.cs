using System.Diagnostics.Metrics;

namespace Retail.Api.Insights;

/// <summary>
/// Events/s and consumer lag for the KPI page, read from the platform's own meters in this process. In a
/// standalone API process, which runs no silo, both read zero.
/// </summary>
public sealed class LiveStats : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Timer _timer;
    private readonly Lock _lock = new();
    private long _events;
    private long _lastEvents;
    private DateTime _lastSample = DateTime.UtcNow;
    private double _eventsPerSecond;
    private long _lag;
    private long _lagSum;

    public LiveStats()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Name is "retail.variant.events" or "kafka.stream.consumer.lag")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Name == "retail.variant.events")
            {
                Interlocked.Add(ref _events, value);
            }
            else
            {
                Interlocked.Add(ref _lagSum, value);
            }
        });
        _listener.Start();
        _timer = new Timer(_ => Sample(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    public double EventsPerSecond
    {
        get
        {
            lock (_lock)
            {
                return _eventsPerSecond;
            }
        }
    }

    public long ConsumerLag => Interlocked.Read(ref _lag);

    public void Dispose()
    {
        _timer.Dispose();
        _listener.Dispose();
    }

    private void Sample()
    {
        Interlocked.Exchange(ref _lagSum, 0);
        _listener.RecordObservableInstruments();
        Interlocked.Exchange(ref _lag, Interlocked.Read(ref _lagSum));
        lock (_lock)
        {
            var now = DateTime.UtcNow;
            var total = Interlocked.Read(ref _events);
            var seconds = (now - _lastSample).TotalSeconds;
            if (seconds > 0)
            {
                _eventsPerSecond = (total - _lastEvents) / seconds;
            }

            _lastEvents = total;
            _lastSample = now;
        }
    }
}

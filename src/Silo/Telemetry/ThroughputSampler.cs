using System.Diagnostics.Metrics;
using Retail.Grains.Variants;
using Streaming.Kafka;

namespace Retail.Silo.Telemetry;

/// <summary>
/// Reads this silo's events-applied counter and consumer-lag gauge. It listens only to instruments made by this
/// host's meter factory, so several silos in one process each count their own.
/// </summary>
public sealed class ThroughputSampler : IDisposable
{
    // Every applied event counts here, from every thread: one padded slot per thread group, not one shared field.
    private const int Stripes = 16;
    private const int Padding = 8;
    private readonly MeterListener _listener = new();
    private readonly long[] _events = new long[Stripes * Padding];
    private long _lag;

    public ThroughputSampler(IMeterFactory meters)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, meters)
                && instrument.Name is VariantMetrics.EventsApplied or KafkaStreamMetrics.ConsumerLag)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Name == VariantMetrics.EventsApplied)
            {
                Interlocked.Add(ref _events[(Environment.CurrentManagedThreadId % Stripes) * Padding], value);
            }
            else
            {
                Interlocked.Add(ref _lag, value);
            }
        });
        _listener.Start();
    }

    /// <summary>Events applied since this sampler started.</summary>
    public long EventsApplied
    {
        get
        {
            var total = 0L;
            for (var i = 0; i < _events.Length; i += Padding)
            {
                total += Interlocked.Read(ref _events[i]);
            }

            return total;
        }
    }

    /// <summary>The lag summed over the partitions this silo reads now.</summary>
    public long ConsumerLag()
    {
        Interlocked.Exchange(ref _lag, 0);
        _listener.RecordObservableInstruments();
        return Interlocked.Read(ref _lag);
    }

    public void Dispose() => _listener.Dispose();
}

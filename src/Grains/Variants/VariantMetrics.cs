using System.Diagnostics.Metrics;

namespace Retail.Grains.Variants;

/// <summary>The variant grains' instruments, on the meter named <see cref="MeterName"/>.</summary>
public sealed class VariantMetrics
{
    public const string MeterName = "Retail.Grains";

    /// <summary>The counter of events applied to variant state.</summary>
    public const string EventsApplied = "retail.variant.events";

    private readonly Counter<long> _events;
    private readonly Counter<long> _duplicates;
    private readonly Counter<long> _gaps;
    private readonly Counter<long> _priceChanges;
    private readonly Histogram<double> _visibleAfter;

    public VariantMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _events = meter.CreateCounter<long>(EventsApplied, "{event}", "Events applied to variant state.");
        _duplicates = meter.CreateCounter<long>("retail.variant.events.duplicate", "{event}", "Redelivered events recognised by position and skipped.");
        _gaps = meter.CreateCounter<long>("retail.variant.deliveries.gapped", "{delivery}", "Deliveries refused because an earlier activation lost the stream's previous events; the partition is read again.");
        _priceChanges = meter.CreateCounter<long>("retail.variant.price_decisions", "{decision}", "Dynamic price changes decided.");
        _visibleAfter = meter.CreateHistogram<double>(
            "retail.variant.event.visible_after",
            "ms",
            "From a clickstream record's Kafka timestamp to its effect being visible in the variant's state.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000] });
    }

    // Tagged with the source topic: a variant's one stream merges several.
    public void Applied(string topic, int count = 1) => _events.Add(count, new KeyValuePair<string, object?>("topic", topic));

    public void Duplicate(string topic) => _duplicates.Add(1, new KeyValuePair<string, object?>("topic", topic));

    public void Gap(string topic) => _gaps.Add(1, new KeyValuePair<string, object?>("topic", topic));

    public void PriceChanged(string policy) => _priceChanges.Add(1, new KeyValuePair<string, object?>("policy", policy));

    public void Visible(TimeSpan after) => _visibleAfter.Record(Math.Max(after.TotalMilliseconds, 0));
}

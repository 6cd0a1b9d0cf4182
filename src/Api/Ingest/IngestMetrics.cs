using System.Diagnostics.Metrics;

namespace Retail.Api.Ingest;

/// <summary>Counts what the ingest endpoints accept and refuse, by outcome.</summary>
public sealed class IngestMetrics
{
    public const string MeterName = "Retail.Ingest";

    private readonly Counter<long> _webhooks;
    private readonly Counter<long> _clickstream;

    public IngestMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _webhooks = meter.CreateCounter<long>("retail.ingest.webhooks", "{webhook}", "Shopify webhook deliveries, by outcome.");
        _clickstream = meter.CreateCounter<long>("retail.ingest.clickstream.events", "{event}", "Clickstream events posted, by outcome.");
    }

    public void Webhook(string outcome, string? topic) => _webhooks.Add(1, new("outcome", outcome), new("topic", topic ?? "unknown"));

    public void Clickstream(string outcome, int events) => _clickstream.Add(events, new KeyValuePair<string, object?>("outcome", outcome));
}

using Retail.IntegrationTests.Infrastructure;

namespace Retail.IntegrationTests.Api;

[Collection(SiloGroup.Name)]
[Trait("Category", "Kafka")]
public sealed class MetricsEndpointTests(SiloFactory silo)
{
    [Fact]
    public async Task Metrics_in_prometheus_format_include_the_platform_orleans_aspnet_and_runtime_meters_after_traffic()
    {
        const long variant = 95000000000001;
        using var producer = Kafka.Producer(silo.BootstrapServers);
        await producer.SendAsync("shopify_clickstream", null, $$"""{"user_id":1,"product_variant_id":{{variant}},"activity":"contentView"}""");
        await producer.SendAsync("shopify_clickstream", null, "not json at all");
        var http = silo.CreateClient();
        await http.WaitForVariantAsync(variant, v => v.Activity.ContentView == 1, "the event");

        var metrics = await Eventually.GetAsync(
            () => http.GetStringAsync(new Uri("/metrics", UriKind.Relative)),
            text => text.Contains("kafka_stream_records_dead_lettered", StringComparison.Ordinal) && text.Contains("retail_variant_events", StringComparison.Ordinal),
            ApiReads.Patience,
            "the platform's meters in /metrics");

        Assert.Contains("# TYPE kafka_stream_records_consumed", metrics, StringComparison.Ordinal);
        Assert.Contains("kafka_stream_consumer_lag", metrics, StringComparison.Ordinal);
        Assert.Contains("retail_variant_event_visible_after", metrics, StringComparison.Ordinal);
        Assert.Contains("orleans_", metrics, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration", metrics, StringComparison.Ordinal);
        Assert.Contains("dotnet_gc_", metrics, StringComparison.Ordinal);
    }
}

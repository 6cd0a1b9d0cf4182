using System.Net;
using System.Text.Json;

namespace Retail.ClusterTests;

/// <summary>The standalone API without Kafka: the read API, page and health, with ingest off.</summary>
public sealed class StandaloneApiTests
{
    [Fact]
    public async Task Without_a_kafka_address_the_api_reads_through_the_cluster_and_ingest_is_off()
    {
        var ports = HostProcess.OwnOrleansPorts();
        var gateway = ports["Orleans:GatewayPort"];
        await using var silo = HostProcess.Start("Retail.Silo", new Dictionary<string, string>(ports) { ["Demo:Enabled"] = "false" }, "standalone-silo");
        await silo.WaitReadyAsync(TimeSpan.FromSeconds(90));
        // The clickstream goes in through the silo's own API, which has the embedded broker.
        using var post = await silo.Http.PostAsync(new Uri("/api/clickstream", UriKind.Relative),
            new StringContent("""{"user_id":1,"product_variant_id":4242,"activity":"contentView"}""", System.Text.Encoding.UTF8, "application/x-ndjson"));
        Assert.Equal(HttpStatusCode.Accepted, post.StatusCode);

        await using var api = HostProcess.Start("Retail.Api", new Dictionary<string, string> { ["Orleans:GatewayPort"] = gateway }, "standalone-api");
        await api.WaitReadyAsync(TimeSpan.FromSeconds(90));

        var total = 0L;
        for (var deadline = DateTime.UtcNow.AddSeconds(60); total < 1 && DateTime.UtcNow < deadline; await Task.Delay(200))
        {
            using var read = await api.Http.GetAsync(new Uri("/api/variants/4242", UriKind.Relative));
            total = read.IsSuccessStatusCode
                ? JsonDocument.Parse(await read.Content.ReadAsStringAsync()).RootElement.GetProperty("activity").GetProperty("total").GetInt64()
                : 0;
        }

        using var ingest = await api.Http.PostAsync(new Uri("/api/clickstream", UriKind.Relative), new StringContent("[]"));
        using var page = await api.Http.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(1, total);
        Assert.Equal(HttpStatusCode.NotFound, ingest.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("ingest are off", await File.ReadAllTextAsync(api.LogFile), StringComparison.Ordinal);
    }
}

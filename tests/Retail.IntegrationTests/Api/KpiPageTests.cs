using System.Net;
using System.Net.Http.Json;
using Retail.Api.Insights;
using Retail.IntegrationTests.Infrastructure;

namespace Retail.IntegrationTests.Api;

[Collection(SiloGroup.Name)]
[Trait("Category", "Kafka")]
public sealed class KpiPageTests(SiloFactory silo)
{
    [Fact]
    public async Task The_page_data_endpoint_returns_the_trending_list_and_price_changes()
    {
        const long viewed = 97000000000001;
        using var producer = Kafka.Producer(silo.BootstrapServers);
        for (var i = 0; i < 30; i++)
        {
            await producer.SendAsync("shopify_clickstream", null, $$"""{"user_id":1,"product_variant_id":{{viewed}},"activity":"contentView"}""");
        }

        await producer.SendAsync("plf_products_update", "97", $$"""{"id":97,"title":"Page product","variants":[{"id":{{viewed}},"price":"8.00","inventory_quantity":3}]}""");
        var http = silo.CreateClient();

        var kpis = await Eventually.GetAsync(
            () => http.GetFromJsonAsync<KpiResponse>(new Uri("/api/kpis", UriKind.Relative)),
            k => k!.Trending.Any(v => v.VariantId == viewed && v.RecentViews >= 30) && k!.PriceChanges.Any(c => c.VariantId == viewed) && k.ReportingSilos == 1,
            ApiReads.Patience,
            "the viewed variant on the page's data");

        var trending = kpis!.Trending.Single(v => v.VariantId == viewed);
        Assert.Equal((30L, 8.00m), (trending.RecentViews, trending.Price!.Value));
        Assert.Equal("new", kpis.PriceChanges.First(c => c.VariantId == viewed).Direction);
        // The silo's reports, kept as a history for the page's chart: oldest first, a point per report period at most.
        Assert.NotEmpty(kpis.Throughput);
        Assert.All(kpis.Throughput, p => Assert.Equal(1, p.Silos));
        Assert.Equal(kpis.Throughput.OrderBy(p => p.AsOf), kpis.Throughput);
    }

    [Theory]
    [InlineData("/vendor/uPlot.iife.min.js", "uPlot.iife.min.js", "text/javascript")]
    [InlineData("/vendor/uPlot.min.css", "uPlot.min.css", "text/css")]
    public async Task The_charting_library_is_served_as_vendored(string path, string file, string mediaType)
    {
        var http = silo.CreateClient();

        var response = await http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        var vendored = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Required(), "src", "Api", "Page", "vendor", "uplot", file));
        Assert.Equal(vendored, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_page_is_served_with_its_script_styles_and_a_content_security_policy()
    {
        var http = silo.CreateClient();

        var page = await http.GetAsync(new Uri("/", UriKind.Relative));
        var script = await http.GetAsync(new Uri("/kpi.js", UriKind.Relative));
        var styles = await http.GetAsync(new Uri("/kpi.css", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<title>Retail — live KPIs</title>", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Contains("/api/kpis", await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("text/css", styles.Content.Headers.ContentType?.MediaType);
    }
}

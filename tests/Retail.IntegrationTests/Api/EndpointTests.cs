using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Retail.IntegrationTests.Infrastructure;

namespace Retail.IntegrationTests.Api;

/// <summary>Bad input gets a 400 problem, unknown ids a 404, and the seed-compatible endpoints answer like the seed.</summary>
[Collection(SiloGroup.Name)]
public sealed class EndpointTests(SiloFactory silo)
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private Task<HttpResponseMessage> PostAsync(string path, string body) =>
        silo.CreateClient().PostAsync(new Uri(path, UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string detailPart)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await JsonAsync(response);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Contains(detailPart, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/products/abc", HttpStatusCode.BadRequest, "parameter \"long productId\" from \"abc\"")]
    [InlineData("/api/products/-1", HttpStatusCode.BadRequest, "productId must be a positive 64-bit integer")]
    [InlineData("/api/products/424242", HttpStatusCode.NotFound, "No update has been seen for product 424242")]
    [InlineData("/api/variants/x1/price-history", HttpStatusCode.BadRequest, "parameter \"long variantId\" from \"x1\"")]
    [InlineData("/api/variants/424242/price-history", HttpStatusCode.NotFound, "No event has been seen for variant 424242")]
    [InlineData("/api/trending?limit=0", HttpStatusCode.BadRequest, "limit must be an integer from 1 to 100")]
    [InlineData("/api/trending?limit=abc", HttpStatusCode.BadRequest, "parameter \"int limit\" from \"abc\"")]
    [InlineData("/api/trending?limit=101", HttpStatusCode.BadRequest, "limit must be an integer from 1 to 100")]
    [InlineData("/api/stock-risk?days=-1", HttpStatusCode.BadRequest, "days must be a number above 0")]
    [InlineData("/api/stock-risk?days=NaN", HttpStatusCode.BadRequest, "days must be a number above 0")]
    [InlineData("/api/stock-risk?days=soon", HttpStatusCode.BadRequest, "parameter \"double days\" from \"soon\"")]
    [InlineData("/api/variants/0", HttpStatusCode.BadRequest, "variantId must be a positive 64-bit integer")]
    public async Task Bad_or_unknown_reads_are_problems(string path, HttpStatusCode status, string detail)
    {
        await AssertProblemAsync(await silo.CreateClient().GetAsync(new Uri(path, UriKind.Relative)), status, detail);
    }

    [Fact]
    public async Task Stock_risk_and_trending_answer_lists()
    {
        var http = silo.CreateClient();

        Assert.Equal(JsonValueKind.Array, (await http.GetFromJsonAsync<JsonElement>(new Uri("/api/stock-risk?days=3", UriKind.Relative))).ValueKind);
        Assert.Equal(JsonValueKind.Array, (await http.GetFromJsonAsync<JsonElement>(new Uri("/api/trending", UriKind.Relative))).ValueKind);
    }

    [Theory]
    [InlineData("\"19.99\"", 4, 21.99)]
    [InlineData("\"19.99\"", 3, 20.19)]
    [InlineData("100", 0, 101.00)]
    public async Task Dynamic_pricing_answers_like_the_seed_with_the_record_and_its_price(string price, int count, double expected)
    {
        var response = await PostAsync("/dynamic-pricing", $$"""[{"VARIANT_ID":5,"SKU":"x","PRICE":{{price}},"ACTIVITY_COUNT":{{count}}}]""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var record = await JsonAsync(response);
        Assert.Equal((decimal)expected, record.GetProperty("dynamic_price").GetDecimal());
        Assert.Equal("x", record.GetProperty("SKU").GetString());
        Assert.Equal(count, record.GetProperty("ACTIVITY_COUNT").GetInt32());
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("[]", "first element is a record object")]
    [InlineData("[1]", "first element is a record object")]
    [InlineData("{not json", "not valid JSON")]
    [InlineData("""[{"ACTIVITY_COUNT":4}]""", "PRICE must be")]
    [InlineData("""[{"PRICE":"abc","ACTIVITY_COUNT":4}]""", "PRICE must be")]
    [InlineData("""[{"PRICE":"-1","ACTIVITY_COUNT":4}]""", "PRICE must be")]
    [InlineData("""[{"PRICE":"1.00"}]""", "ACTIVITY_COUNT must be")]
    [InlineData("""[{"PRICE":"1.00","ACTIVITY_COUNT":1.5}]""", "ACTIVITY_COUNT must be")]
    public async Task Dynamic_pricing_refuses_bad_bodies(string body, string detail)
    {
        await AssertProblemAsync(await PostAsync("/dynamic-pricing", body), HttpStatusCode.BadRequest, detail);
    }

    [Fact]
    public async Task Predict_reproduces_the_seed_example()
    {
        var before = DateTimeOffset.UtcNow;
        var response = await PostAsync("/stores/acme/inventory_forecast/predict", """{"total_sales":453,"total_days":32,"quantity_on_hand":98}""");
        var after = DateTimeOffset.UtcNow;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal(6, body.GetProperty("inventory_doh").GetInt32());
        var days = TimeSpan.FromDays(98 / (453.0 / 32));
        Assert.Contains(body.GetProperty("sell_through_date").GetString(), new[] { before + days, after + days }.Select(t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("[]", "Expected a JSON object")]
    [InlineData("""{"total_sales":453,"total_days":0,"quantity_on_hand":98}""", "total_days must be a number above 0")]
    [InlineData("""{"total_sales":0,"total_days":32,"quantity_on_hand":98}""", "total_sales must be a number above 0")]
    [InlineData("""{"total_sales":453,"total_days":32,"quantity_on_hand":-5}""", "quantity_on_hand must be a number, 0 or more")]
    [InlineData("""{"total_sales":"lots","total_days":32,"quantity_on_hand":98}""", "total_sales must be a number above 0")]
    [InlineData("""{"total_sales":1,"total_days":1,"quantity_on_hand":1e12}""", "more than a century")]
    public async Task Predict_refuses_bad_bodies_with_a_400_not_a_200_error(string body, string detail)
    {
        await AssertProblemAsync(await PostAsync("/stores/acme/inventory_forecast/predict", body), HttpStatusCode.BadRequest, detail);
    }

    [Fact]
    public async Task Sell_through_has_no_date_without_a_sales_signal_and_refuses_a_record_without_a_variant()
    {
        var unknown = await PostAsync("/sell-through", """[{"VARIANT_ID":"424243","INVENTORY_QUANTITY":5}]""");

        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        var record = await JsonAsync(unknown);
        Assert.Equal(JsonValueKind.Null, record.GetProperty("sell_through_date").ValueKind);
        Assert.Equal(5, record.GetProperty("INVENTORY_QUANTITY").GetInt32());
        await AssertProblemAsync(await PostAsync("/sell-through", """[{"INVENTORY_QUANTITY":5}]"""), HttpStatusCode.BadRequest, "VARIANT_ID must be");
    }

    [Fact]
    public async Task The_openapi_document_and_the_reference_page_are_served()
    {
        var http = silo.CreateClient();

        var document = await http.GetFromJsonAsync<JsonElement>(new Uri("/openapi/v1.json", UriKind.Relative));
        var docs = await http.GetAsync(new Uri("/docs", UriKind.Relative));

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/variants/{variantId}", paths);
        Assert.Contains("/stores/{store}/inventory_forecast/predict", paths);
        // Every status a route can answer is in the document; the dashboard's own endpoints are not.
        var responses = (string path, string verb) => document.GetProperty("paths").GetProperty(path).GetProperty(verb).GetProperty("responses").EnumerateObject().Select(r => r.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["200", "400", "404", "410"], responses("/api/variants/{variantId}", "get"));
        Assert.Equal(["200", "400", "404"], responses("/api/variants/{variantId}/price-history", "get"));
        Assert.Equal(["200", "400", "404"], responses("/api/products/{productId}", "get"));
        Assert.Equal(["200", "400"], responses("/api/trending", "get"));
        Assert.Equal(["200", "400"], responses("/api/stock-risk", "get"));
        Assert.Equal(["200", "400", "401", "413", "429", "503"], responses("/webhooks/shopify", "post"));
        Assert.Equal(["202", "400", "401", "413", "429", "503"], responses("/api/clickstream", "post"));
        Assert.Equal(["200", "401"], responses("/api/system", "get"));
        Assert.Equal(["200", "401"], responses("/api/shopify/sync", "get"));
        Assert.Equal(["202", "401", "409"], responses("/api/shopify/sync", "post"));
        Assert.Equal(["200", "401"], responses("/api/price-suggestions", "get"));
        Assert.Equal(["200", "400", "401", "404"], responses("/api/price-suggestions/{variantId}/approve", "post"));
        Assert.Equal(["200", "400", "401", "404"], responses("/api/price-suggestions/{variantId}/reject", "post"));
        Assert.Equal(["200", "400"], responses("/stores/{store}/inventory_forecast/predict", "post"));
        Assert.DoesNotContain(paths, p => p.StartsWith("/dashboard", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        Assert.Equal("text/html", docs.Content.Headers.ContentType?.MediaType);
    }
}

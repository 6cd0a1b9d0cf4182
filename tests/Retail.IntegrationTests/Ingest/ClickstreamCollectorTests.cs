using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Retail.Api.Ingest;
using Retail.IntegrationTests.Infrastructure;

namespace Retail.IntegrationTests.Ingest;

[Collection(SiloGroup.Name)]
[Trait("Category", "Kafka")]
public sealed class ClickstreamCollectorTests(SiloFactory silo)
{
    private static StringContent Json(string body, string type = "application/json") => new(body, Encoding.UTF8, type);

    [Fact]
    public async Task A_json_array_in_either_user_spelling_is_accepted_and_counted()
    {
        const long variant = 91000000000001;
        var body = $$"""
            [{"time":"01/Jan/1970:00:00:00 +0000","userid":1644276582001,"product_variant_id":{{variant}},"activity":"contentView","ip":"111.1.1.1"},
             {"user_id":7,"product_variant_id":{{variant}},"activity":"addToCart"},
             {"user_id":7,"product_variant_id":"{{variant}}","activity":"contentView"}]
            """;

        var response = await silo.CreateClient().PostAsync(new Uri("/api/clickstream", UriKind.Relative), Json(body));
        var snapshot = await silo.CreateClient().WaitForVariantAsync(variant, v => v.Activity.Total >= 3, "the posted events");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(new ClickstreamReceipt(3), await response.Content.ReadFromJsonAsync<ClickstreamReceipt>());
        Assert.Equal((2L, 1L, 3L), (snapshot.Activity.ContentView, snapshot.Activity.AddToCart, snapshot.Activity.Total));
    }

    [Fact]
    public async Task Ndjson_is_accepted()
    {
        const long variant = 91000000000002;
        var body = string.Join('\n', Enumerable.Range(0, 5).Select(_ => $$"""{"user_id":1,"product_variant_id":{{variant}},"activity":"purchase"}""")) + "\n";

        var response = await silo.CreateClient().PostAsync(new Uri("/api/clickstream", UriKind.Relative), Json(body, "application/x-ndjson"));
        var snapshot = await silo.CreateClient().WaitForVariantAsync(variant, v => v.Activity.Total >= 5, "the posted events");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(5, snapshot.Activity.Purchase);
    }

    [Fact]
    public async Task Bad_events_are_listed_by_index_and_none_of_the_batch_is_written()
    {
        const long variant = 91000000000003;
        var body = $$"""
            [{"user_id":1,"product_variant_id":{{variant}},"activity":"contentView"},
             {"user_id":1,"activity":"contentView"},
             {"user_id":1,"product_variant_id":-4,"activity":"contentView"},
             "text"]
            """;

        var response = await silo.CreateClient().PostAsync(new Uri("/api/clickstream", UriKind.Relative), Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("3 of 4 events are invalid; none were written.", problem.GetProperty("detail").GetString());
        Assert.Equal(
            [(1, "product_variant_id is missing"), (2, "product_variant_id must be a positive 64-bit integer"), (3, "expected a JSON object")],
            problem.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("index").GetInt32(), e.GetProperty("error").GetString())));
        Assert.Equal(HttpStatusCode.NotFound, (await silo.CreateClient().GetAsync(new Uri($"/api/variants/{variant}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task An_event_larger_than_a_kafka_record_is_413_and_none_of_the_batch_is_written()
    {
        const long variant = 91000000000004;
        var body = $$"""
            [{"user_id":1,"product_variant_id":{{variant}},"activity":"contentView"},
             {"user_id":1,"product_variant_id":{{variant}},"activity":"contentView","note":"{{new string('x', 1_000_000)}}"}]
            """;

        var response = await silo.CreateClient().PostAsync(new Uri("/api/clickstream", UriKind.Relative), Json(body));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("1 of 2 events are larger than a Kafka record may be; none were written.", problem.GetProperty("detail").GetString());
        Assert.Equal(1, problem.GetProperty("errors").EnumerateArray().Single().GetProperty("index").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await silo.CreateClient().GetAsync(new Uri($"/api/variants/{variant}", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("[{\"a\":")]
    public async Task Empty_or_broken_bodies_are_400(string body)
    {
        var response = await silo.CreateClient().PostAsync(new Uri("/api/clickstream", UriKind.Relative), Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task With_an_api_key_set_the_collector_requires_it()
    {
        await using var keyed = new KeyedSilo();
        var http = keyed.CreateClient();
        const string body = """[{"user_id":1,"product_variant_id":5,"activity":"contentView"}]""";

        var without = await http.PostAsync(new Uri("/api/clickstream", UriKind.Relative), Json(body));
        using var wrong = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/clickstream", UriKind.Relative)) { Content = Json(body) };
        wrong.Headers.Add("X-Api-Key", "nope");
        using var right = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/clickstream", UriKind.Relative)) { Content = Json(body) };
        right.Headers.Add("X-Api-Key", KeyedSilo.Key);

        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(wrong)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await http.SendAsync(right)).StatusCode);
    }

    private sealed class KeyedSilo() : SiloFactory(new Dictionary<string, string> { ["Api:Key"] = Key })
    {
        public const string Key = "integration-test-api-key";
    }
}

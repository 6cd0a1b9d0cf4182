using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Retail.IntegrationTests.Infrastructure;

namespace Retail.IntegrationTests.Api;

/// <summary>In Production the operator surface needs credentials; ingest is rate limited; responses carry security headers.</summary>
public sealed class OperatorSurfaceTests
{
    private const string Key = "operator-test-api-key";

    private sealed class ProductionSilo() : SiloFactory(new Dictionary<string, string>
    {
        ["environment"] = "Production",
        ["Api:Key"] = Key,
        ["Operator:User"] = "ops",
        ["Operator:Password"] = "operator-test-password",
        ["RateLimits:Ingest:PermitLimit"] = "2",
        ["RateLimits:Ingest:Window"] = "00:01:00",
    });

    [Fact]
    public async Task In_production_the_dashboard_metrics_and_system_answer_401_without_credentials()
    {
        await using var silo = new ProductionSilo();
        var http = silo.CreateClient();

        foreach (var path in new[] { "/dashboard/", "/metrics", "/api/system" })
        {
            var response = await http.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("Basic realm=\"retail-operator\"", response.Headers.WwwAuthenticate.ToString());
        }

        using var withKey = new HttpRequestMessage(HttpMethod.Get, new Uri("/dashboard/", UriKind.Relative));
        withKey.Headers.Add("X-Api-Key", Key);
        using var withBasic = new HttpRequestMessage(HttpMethod.Get, new Uri("/metrics", UriKind.Relative));
        withBasic.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("ops:operator-test-password")));
        using var wrongBasic = new HttpRequestMessage(HttpMethod.Get, new Uri("/metrics", UriKind.Relative));
        wrongBasic.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("ops:guess")));

        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(withKey)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(withBasic)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(wrongBasic)).StatusCode);
        // The read API stays public.
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri("/api/variants/1", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Ingest_beyond_the_rate_limit_answers_429_with_retry_after()
    {
        await using var silo = new ProductionSilo();
        var http = silo.CreateClient();
        const string body = """[{"user_id":1,"product_variant_id":5,"activity":"contentView"}]""";

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/clickstream", UriKind.Relative)) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("X-Api-Key", Key);
            last = await http.SendAsync(request);
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, (HttpStatusCode)429], statuses);
        Assert.Equal("application/problem+json", last!.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(last.Headers.RetryAfter);
    }

    [Fact]
    public async Task Responses_carry_security_headers()
    {
        await using var silo = new ProductionSilo();

        var response = await silo.CreateClient().GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("SAMEORIGIN", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }
}

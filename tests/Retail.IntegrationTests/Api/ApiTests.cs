using System.Net;
using System.Text.Json;
using Retail.IntegrationTests.Infrastructure;

namespace Retail.IntegrationTests.Api;

[Collection(SiloGroup.Name)]
public sealed class ApiTests(SiloFactory silo)
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Theory]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("0")]
    [InlineData("1.5")]
    [InlineData("99999999999999999999")]
    public async Task A_malformed_variant_id_is_a_400_problem(string id)
    {
        var response = await silo.CreateClient().GetAsync(new Uri($"/api/variants/{id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await JsonAsync(response);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Contains(id, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_variant_is_a_404_problem()
    {
        var response = await silo.CreateClient().GetAsync(new Uri("/api/variants/123456789", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Variant not found", (await JsonAsync(response)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task System_reports_the_embedded_broker_memory_storage_and_one_silo()
    {
        var response = await silo.CreateClient().GetAsync(new Uri("/api/system", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var system = await JsonAsync(response);
        Assert.Equal(silo.BootstrapServers, system.GetProperty("kafka").GetProperty("bootstrapServers").GetString());
        Assert.True(system.GetProperty("kafka").GetProperty("embedded").GetBoolean());
        Assert.Equal("memory", system.GetProperty("storage").GetString());
        Assert.False(system.GetProperty("storageDurable").GetBoolean());
        Assert.Equal(1, system.GetProperty("siloCount").GetInt32());
        Assert.Equal("10.4.2", system.GetProperty("orleansVersion").GetString());
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_checks_answer_healthy(string path)
    {
        var response = await silo.CreateClient().GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_orleans_dashboard_is_served()
    {
        var page = await silo.CreateClient().GetAsync(new Uri("/dashboard/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
    }
}

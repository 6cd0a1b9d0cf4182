using System.Net;
using Streaming.Kafka.Embedded;

namespace Retail.ClusterTests;

/// <summary>
/// The operator surface as a newcomer meets it: the real silo binary with no environment set. Open from this machine
/// in a local trial; closed without credentials in anything shaped like production.
/// </summary>
public sealed class OperatorAccessTests
{
    private static readonly string[] OperatorPaths = ["/dashboard/", "/metrics", "/api/system"];

    [Fact]
    public async Task The_readme_run_serves_the_dashboard_metrics_and_system_to_this_machine()
    {
        await using var silo = HostProcess.Start("Retail.Silo", HostProcess.OwnOrleansPorts(), "newcomer", asNewcomer: true);
        await silo.WaitReadyAsync(TimeSpan.FromSeconds(90));

        foreach (var path in OperatorPaths)
        {
            using var response = await silo.Http.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Contains("Orleans", await silo.Http.GetStringAsync(new Uri("/dashboard/", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains("open to this machine without credentials", await File.ReadAllTextAsync(silo.LogFile), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listening_beyond_loopback_keeps_it_closed_without_credentials()
    {
        await using var silo = HostProcess.Start("Retail.Silo", HostProcess.OwnOrleansPorts(), "any-address", asNewcomer: true, host: "0.0.0.0");
        await silo.WaitReadyAsync(TimeSpan.FromSeconds(90));

        await AssertClosedAsync(silo);
        Assert.Contains("Operator surface (/dashboard, /metrics, /api/system) is closed", await File.ReadAllTextAsync(silo.LogFile), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_real_broker_keeps_it_closed_without_credentials()
    {
        // A broker of its own stands in for a real one: the silo is told an address, as in production.
        using var broker = EmbeddedKafkaBroker.Start();
        var settings = HostProcess.OwnOrleansPorts();
        settings["Kafka:BootstrapServers"] = broker.BootstrapServers;
        await using var silo = HostProcess.Start("Retail.Silo", settings, "real-broker", asNewcomer: true);
        await silo.WaitReadyAsync(TimeSpan.FromSeconds(90));

        await AssertClosedAsync(silo);
    }

    [Fact]
    public async Task With_credentials_set_a_local_run_asks_for_them()
    {
        var settings = HostProcess.OwnOrleansPorts();
        settings["Api:Key"] = "operator-access-test-key";
        await using var silo = HostProcess.Start("Retail.Silo", settings, "with-key", asNewcomer: true);
        await silo.WaitReadyAsync(TimeSpan.FromSeconds(90));

        await AssertClosedAsync(silo);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/dashboard/", UriKind.Relative));
        request.Headers.Add("X-Api-Key", "operator-access-test-key");
        using var response = await silo.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task AssertClosedAsync(HostProcess silo)
    {
        foreach (var path in OperatorPaths)
        {
            using var response = await silo.Http.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        // The product's public surface stays open.
        using var page = await silo.Http.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}

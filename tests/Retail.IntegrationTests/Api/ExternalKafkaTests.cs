using System.Net.Http.Json;
using System.Text.Json;
using Retail.IntegrationTests.Infrastructure;
using Streaming.Kafka.Embedded;

namespace Retail.IntegrationTests.Api;

/// <summary>With Kafka:BootstrapServers set, the silo uses that cluster and starts no broker of its own.</summary>
[Trait("Category", "Kafka")]
public sealed class ExternalKafkaTests : IDisposable
{
    // Stands in for an external cluster: a broker that the silo does not own.
    private readonly EmbeddedKafkaBroker _external = EmbeddedKafkaBroker.Start();

    public void Dispose() => _external.Dispose();

    [Fact]
    public async Task A_configured_bootstrap_address_replaces_the_embedded_broker()
    {
        await using var silo = new ConfiguredSilo(new Dictionary<string, string> { ["Kafka:BootstrapServers"] = _external.BootstrapServers });

        var system = await silo.CreateClient().GetFromJsonAsync<JsonElement>(new Uri("/api/system", UriKind.Relative));

        Assert.Equal(_external.BootstrapServers, system.GetProperty("kafka").GetProperty("bootstrapServers").GetString());
        Assert.False(system.GetProperty("kafka").GetProperty("embedded").GetBoolean());
    }

    private sealed class ConfiguredSilo(IReadOnlyDictionary<string, string> settings) : SiloFactory(settings);
}

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Retail.Silo.Hosting;

namespace Retail.IntegrationTests.Infrastructure;

/// <summary>
/// The local default in-process: silo, API and embedded Kafka broker, on free ports, without the demo
/// generator so that every event a test sees is one it produced.
/// </summary>
public class SiloFactory : WebApplicationFactory<Program>
{
    private readonly int _siloPort = FreePort.Next();
    private readonly int _gatewayPort = FreePort.Next();
    private readonly IReadOnlyDictionary<string, string> _settings;

    public SiloFactory()
        : this(new Dictionary<string, string>())
    {
    }

    /// <param name="settings">Extra configuration, applied after the test defaults.</param>
    protected SiloFactory(IReadOnlyDictionary<string, string> settings) => _settings = settings;

    /// <summary>The webhook HMAC key the test host uses; a test value, not anybody's secret.</summary>
    public const string WebhookSecret = "integration-test-webhook-key";

    /// <summary>The embedded broker's bootstrap address.</summary>
    public string BootstrapServers => Services.GetRequiredService<KafkaEndpoint>().BootstrapServers;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Orleans:SiloPort", _siloPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", _gatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Demo:Enabled", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Shopify:WebhookSecret", WebhookSecret);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Retail.Silo.Hosting;

namespace Retail.IntegrationTests.Infrastructure;

/// <summary>
/// The local default in-process: silo, API and embedded Kafka broker, on free ports, without the demo
/// generator so that every event a test sees is one it produced.
/// </summary>
public sealed class SiloFactory : WebApplicationFactory<Program>
{
    private readonly int _siloPort = FreePort.Next();
    private readonly int _gatewayPort = FreePort.Next();

    /// <summary>The embedded broker's bootstrap address.</summary>
    public string BootstrapServers => Services.GetRequiredService<KafkaEndpoint>().BootstrapServers;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Orleans:SiloPort", _siloPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", _gatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Demo:Enabled", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }
}

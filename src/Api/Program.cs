using Orleans.Hosting;
using Retail.Api.Hosting;
using Retail.Api.Platform;

namespace Retail.Api;

/// <summary>The API on its own, as an Orleans client of a running cluster.</summary>
public static class Program
{
    public static async Task Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var configuration = builder.Configuration;
        var bootstrap = configuration["Kafka:BootstrapServers"];
        if (string.IsNullOrWhiteSpace(bootstrap))
        {
            throw new InvalidOperationException("The standalone API needs Kafka:BootstrapServers; it does not start an embedded broker.");
        }

        builder.UseOrleansClient(client => client.UseLocalhostClustering(
            configuration.GetValue("Orleans:GatewayPort", 30000),
            configuration["Orleans:ServiceId"] ?? "retail",
            configuration["Orleans:ClusterId"] ?? "retail-local"));
        builder.Services.AddSingleton(new PlatformInfo("cluster", StorageDurable: false, bootstrap, KafkaEmbedded: false));
        builder.AddRetailApi();

        var app = builder.Build();
        app.MapRetailApi();
        await app.RunAsync();
    }
}

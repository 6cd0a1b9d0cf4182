using Orleans.Configuration;
using Orleans.Hosting;
using Retail.Api.Hosting;
using Retail.Api.Platform;
using Retail.ServiceDefaults;

namespace Retail.Api;

/// <summary>
/// The API on its own, as an Orleans client of a running cluster: found through PostgreSQL when
/// <c>ConnectionStrings:Postgres</c> is set, otherwise through the local silo's gateway. Without
/// <c>Kafka:BootstrapServers</c> it serves the read API only, with ingest off.
/// </summary>
public static class Program
{
    public static async Task Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var configuration = builder.Configuration;
        var bootstrap = configuration["Kafka:BootstrapServers"];
        var ingest = !string.IsNullOrWhiteSpace(bootstrap);

        var postgres = configuration.GetConnectionString("Postgres");
        var orleans = OrleansSettings.From(configuration);
        builder.UseOrleansClient(client =>
        {
            if (string.IsNullOrWhiteSpace(postgres))
            {
                client.UseLocalhostClustering(orleans.GatewayPort, orleans.ServiceId, orleans.ClusterId);
                return;
            }

            client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (orleans.ClusterId, orleans.ServiceId));
            client.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = ("Npgsql", postgres));
        });
        builder.Services.AddSingleton(new PlatformInfo(
            string.IsNullOrWhiteSpace(postgres) ? "memory" : "postgres",
            StorageDurable: !string.IsNullOrWhiteSpace(postgres),
            bootstrap ?? string.Empty,
            KafkaEmbedded: false,
            KafkaClientSettings.FromConfiguration(configuration)));
        builder.AddServiceDefaults();
        builder.AddRetailApi(ingest);

        var app = builder.Build();
        if (!ingest)
        {
            app.Logger.LogWarning("No Kafka:BootstrapServers: webhook and clickstream ingest are off; the read API, KPI page and docs are served");
        }

        app.MapRetailApi();
        await app.RunAsync();
    }
}

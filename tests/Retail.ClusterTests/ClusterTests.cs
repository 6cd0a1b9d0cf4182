using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using System.Net.Http.Json;
using Retail.Silo.Storage;

namespace Retail.ClusterTests;

/// <summary>Silos as separate processes, on PostgreSQL and a broker that outlives them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterGroup : ICollectionFixture<PostgresServer>
{
    public const string Name = "cluster";
}

[Collection(ClusterGroup.Name)]
[Trait("Category", "Cluster")]
public sealed class ClusterTests(PostgresServer postgres)
{
    [SkippableFact]
    public async Task The_schema_scripts_apply_twice_without_error()
    {
        Requires.Postgres(postgres);
        var connection = await postgres.CreateDatabaseAsync($"schema_{Guid.NewGuid():N}");
        var migrator = new SchemaMigrator(new PostgresConnection(connection), Options.Create(new SchemaOptions()), NullLogger<SchemaMigrator>.Instance);

        await migrator.ApplyAsync(connection, CancellationToken.None);
        var first = await PostgresServer.CountRowsAsync(connection, "orleansquery");
        await migrator.ApplyAsync(connection, CancellationToken.None);

        Assert.True(first > 10, $"only {first} queries");
        Assert.Equal(first, await PostgresServer.CountRowsAsync(connection, "orleansquery"));
        Assert.Contains(SchemaMigrator.Scripts(), s => s.Name.Contains("clustering", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Three_silos_lose_one_to_kill_9_and_the_counts_still_equal_the_truth_then_survive_a_full_restart()
    {
        Requires.Postgres(postgres);
        await using var cluster = await ClusterHarness.CreateAsync(postgres);
        var silos = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => cluster.StartSiloAsync($"silo{i}")));
        var events = ClusterHarness.Events(100_000, variants: 300, seed: 42);
        var truth = ClusterHarness.Truth(events);

        await cluster.ProduceAsync(events, rate: 4_000, onProgress: produced =>
        {
            if (produced == 30_000)
            {
                silos[1].Kill();
            }

            return Task.CompletedTask;
        });

        await ClusterHarness.AssertCountsAsync(silos[0].Http, truth, TimeSpan.FromMinutes(4));
        Assert.False(silos[0].HasExited || silos[2].HasExited);

        // Stop everything, start one silo and the standalone API: the state comes back from PostgreSQL.
        await Task.WhenAll(silos[0].StopAsync(), silos[2].StopAsync());
        await cluster.StartSiloAsync("silo-again");
        var api = await cluster.StartApiAsync();
        await ClusterHarness.AssertCountsAsync(api.Http, truth, TimeSpan.FromMinutes(1));
    }

    [SkippableFact]
    public async Task PostgreSQL_down_for_ten_seconds_mid_stream_loses_nothing_and_crashes_no_silo()
    {
        Requires.Postgres(postgres);
        await using var cluster = await ClusterHarness.CreateAsync(postgres);
        var silos = await Task.WhenAll(Enumerable.Range(0, 2).Select(i => cluster.StartSiloAsync($"pg-silo{i}")));
        var events = ClusterHarness.Events(20_000, variants: 100, seed: 7);
        var truth = ClusterHarness.Truth(events);
        Task? outage = null;

        await cluster.ProduceAsync(events, rate: 2_000, onProgress: produced =>
        {
            if (produced == 5_000)
            {
                outage = OutageAsync();
            }

            return Task.CompletedTask;
        });
        await outage!;

        await ClusterHarness.AssertCountsAsync(silos[0].Http, truth, TimeSpan.FromMinutes(3));
        Assert.False(silos[0].HasExited || silos[1].HasExited);

        async Task OutageAsync()
        {
            await postgres.StopAsync();
            // The outage lasts a fixed time while events keep arriving.
            await Task.Delay(TimeSpan.FromSeconds(10));
            await postgres.StartAsync();
        }
    }

    [SkippableFact]
    public async Task A_standalone_API_shows_the_events_per_second_that_the_silos_report_and_no_process_logs_a_secret()
    {
        Requires.Postgres(postgres);
        await using var cluster = await ClusterHarness.CreateAsync(postgres);
        string[] secrets = [$"api-key-{Guid.NewGuid():N}", $"operator-{Guid.NewGuid():N}", $"webhook-{Guid.NewGuid():N}", $"postgres-{Guid.NewGuid():N}"];
        cluster.ProcessSettings["Api:Key"] = secrets[0];
        cluster.ProcessSettings["Operator:User"] = "ops";
        cluster.ProcessSettings["Operator:Password"] = secrets[1];
        cluster.ProcessSettings["Shopify:WebhookSecret"] = secrets[2];
        // The test server trusts local connections, so this password goes nowhere, but every process has it in its configuration.
        cluster.ProcessSettings["ConnectionStrings:Postgres"] = $"{cluster.ConnectionString};Password={secrets[3]}";
        cluster.ProcessSettings["Logging:LogLevel:Default"] = "Information";
        var silos = await Task.WhenAll(Enumerable.Range(0, 2).Select(i => cluster.StartSiloAsync($"stats-silo{i}")));
        var api = await cluster.StartApiAsync();
        var events = ClusterHarness.Events(20_000, variants: 200, seed: 11);
        var seen = new List<KpiFigures>();

        // The API process runs no silo, so every figure it shows came from the silos' reports.
        await cluster.ProduceAsync(events, rate: 2_000, onProgress: async _ =>
            seen.Add((await api.Http.GetFromJsonAsync<KpiFigures>(new Uri("/api/kpis", UriKind.Relative)))!));
        await ClusterHarness.AssertCountsAsync(api.Http, ClusterHarness.Truth(events), TimeSpan.FromMinutes(2));

        Assert.Contains(seen, k => k.ReportingSilos == silos.Length && k.EventsPerSecond > 0);
        Assert.All(seen, k => Assert.True(k.ConsumerLag >= 0 && k.EventsPerSecond >= 0));

        await Task.WhenAll(silos.Append(api).Select(p => p.StopAsync()));
        var logs = cluster.Logs();
        Assert.Contains("Grain state and cluster membership are in PostgreSQL", logs, StringComparison.Ordinal);
        Assert.All(secrets, secret => Assert.DoesNotContain(secret, logs, StringComparison.Ordinal));
    }

    private sealed record KpiFigures(double EventsPerSecond, long ConsumerLag, int ReportingSilos);
}

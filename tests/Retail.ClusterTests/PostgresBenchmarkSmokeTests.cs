using System.Globalization;

namespace Retail.ClusterTests;

/// <summary>A tiny <c>e2e</c> run with PostgreSQL storage: the side works, and leaves the database as it found it.</summary>
[Collection(ClusterGroup.Name)]
[Trait("Category", "Benchmark")]
public sealed class PostgresBenchmarkSmokeTests(PostgresServer postgres)
{
    [SkippableFact]
    public async Task The_e2e_harness_runs_a_postgres_side_and_then_deletes_what_its_silos_stored()
    {
        Requires.Postgres(postgres);
        var connection = await postgres.CreateDatabaseAsync($"bench_{Guid.NewGuid():N}");

        var (exitCode, lines, error) = await BenchmarkSmokeTests.RunAsync(
            "e2e", "--variants", "200", "--bursts", "2", "--burst-events", "3000", "--rounds", "1", "--sides", "baseline,postgres-1", "--latency-rate", "500", "--latency-seconds", "1", "--postgres", connection);

        Assert.True(exitCode == 0, error + string.Join('\n', lines));
        Assert.Contains(lines, l => l.StartsWith("[postgres-1 round 1/1] verified: the 20 busiest variants", StringComparison.Ordinal));
        // Before its latency phase the harness waits for every offset to be committed, so every variant's state was
        // written; once the silo stopped, the harness deleted its rows.
        var deleted = Assert.Single(lines, l => l.StartsWith("deleted the run's ", StringComparison.Ordinal));
        Assert.True(long.Parse(deleted.Split(' ')[3], NumberStyles.AllowThousands, CultureInfo.InvariantCulture) >= 200, deleted);
        Assert.Equal(0, await PostgresServer.CountRowsAsync(connection, "orleansstorage"));
        Assert.Equal(0, await PostgresServer.CountRowsAsync(connection, "orleansmembershiptable"));
        Assert.Equal(0, await PostgresServer.CountRowsAsync(connection, "orleansmembershipversiontable"));
    }
}

using Npgsql;

namespace Retail.Benchmarks.Processes;

/// <summary>
/// What one run's silos wrote to PostgreSQL, all under the run's own service and cluster id: their grain state and
/// cluster membership. Disposed after the silos stop, it deletes them: otherwise every run leaves a state per
/// variant behind, and a benchmark database had grown to 2.9 million rows and 1.7 GB.
/// </summary>
internal sealed class PostgresRun(string? connectionString, string serviceId) : IDisposable
{
    public void Dispose()
    {
        if (connectionString is null)
        {
            return;
        }

        try
        {
            using var db = new NpgsqlConnection(connectionString);
            db.Open();
            using var batch = new NpgsqlBatch(db);
            // Members before versions: a member row refers to its cluster's version row. The benchmarks give a run
            // the same cluster and service id (Bench.SiloSettings).
            foreach (var sql in (string[])[
                "DELETE FROM orleansstorage WHERE serviceid = $1",
                "DELETE FROM orleansmembershiptable WHERE deploymentid = $1",
                "DELETE FROM orleansmembershipversiontable WHERE deploymentid = $1"])
            {
                var command = new NpgsqlBatchCommand(sql);
                command.Parameters.Add(new NpgsqlParameter { Value = serviceId });
                batch.BatchCommands.Add(command);
            }

            batch.ExecuteNonQuery();
            Console.WriteLine($"  deleted the run's {batch.BatchCommands[0].RecordsAffected:N0} grain states and its cluster membership from PostgreSQL");
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            // The silos stopped before they applied the schema: they stored nothing.
        }
        catch (NpgsqlException ex)
        {
            // The figures are taken by now; only the cleanup failed.
            Console.Error.WriteLine($"Could not delete the rows of service '{serviceId}' from PostgreSQL: {ex.Message}");
        }
    }
}

using System.Reflection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Retail.Silo.Storage;

/// <summary>
/// Applies the PostgreSQL schema scripts (deploy/sql, embedded in this assembly) at start, before the silo
/// joins the cluster. The scripts are idempotent, and they run in one transaction under an advisory lock,
/// so silos that start together apply them one at a time.
/// </summary>
internal sealed partial class SchemaMigrator(
    PostgresConnection connection,
    IOptions<SchemaOptions> options,
    ILogger<SchemaMigrator> logger) : IHostedService
{
    // Any constant shared by every silo of the product; it names the lock, nothing else.
    private const long LockKey = 7_261_000_001;

    /// <summary>The embedded scripts, in the order they apply.</summary>
    public static IReadOnlyList<(string Name, string Sql)> Scripts()
    {
        var assembly = Assembly.GetExecutingAssembly();
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("sql/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return (n["sql/".Length..], reader.ReadToEnd());
            })];
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.ApplySchema)
        {
            LogSkipped();
            return;
        }

        var deadline = DateTime.UtcNow + options.Value.ConnectTimeout;
        var delay = TimeSpan.FromMilliseconds(500);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ApplyAsync(connection.ConnectionString, cancellationToken);
                return;
            }
            catch (NpgsqlException ex) when (ex.IsTransient && DateTime.UtcNow + delay < deadline)
            {
                LogRetry(attempt, delay, ex.Message);
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Applies every script in one transaction under the advisory lock.</summary>
    public async Task ApplyAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync(cancellationToken);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", db, transaction))
        {
            lockCommand.Parameters.AddWithValue("key", LockKey);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var (name, sql) in Scripts())
        {
            await using var command = new NpgsqlCommand(sql, db, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
            LogApplied(name);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied schema script {Name}")]
    private partial void LogApplied(string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database:ApplySchema is off; expecting the schema to be in place")]
    private partial void LogSkipped();

    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL not reachable yet (attempt {Attempt}), retrying in {Delay}: {Reason}")]
    private partial void LogRetry(int attempt, TimeSpan delay, string reason);
}

using System.Diagnostics;
using Npgsql;

namespace Retail.ClusterTests;

/// <summary>
/// A throwaway PostgreSQL server for the tests: initdb into a temporary folder, started on a free port, and
/// stopped and removed at the end. It can also be stopped and started mid-test to simulate an outage.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private string? _bin;
    private string _folder = string.Empty;

    /// <summary>Why the server could not start, when it could not; tests skip locally and fail in CI.</summary>
    public string? Unavailable { get; private set; }

    public int Port { get; private set; }

    public string AdminConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false";

    public async Task InitializeAsync()
    {
        _bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            : null;
        if (_bin is null)
        {
            Unavailable = "PostgreSQL is not installed (apt-get install postgresql); scripts/test.sh installs it.";
            return;
        }

        _folder = Directory.CreateTempSubdirectory("retail-pg-").FullName;
        Port = FreePort.Next();
        await RunAsync("chown", "-R", "postgres", _folder);
        await AsPostgresAsync(Path.Combine(_bin, "initdb"), "-D", Path.Combine(_folder, "data"), "-A", "trust", "-U", "postgres", "--no-sync");
        await StartAsync();
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return $"Host=127.0.0.1;Port={Port};Username=postgres;Database={name}";
    }

    /// <summary>The rows in <paramref name="table"/> of the database at <paramref name="connection"/>.</summary>
    public static async Task<long> CountRowsAsync(string connection, string table)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {table}", db);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public Task StartAsync() =>
        AsPostgresAsync(Path.Combine(_bin!, "pg_ctl"), "-D", Path.Combine(_folder, "data"), "-l", Path.Combine(_folder, "log"), "-w", "-o",
            $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300", "start");

    public Task StopAsync() =>
        AsPostgresAsync(Path.Combine(_bin!, "pg_ctl"), "-D", Path.Combine(_folder, "data"), "-m", "fast", "-w", "stop");

    public async Task DisposeAsync()
    {
        if (_bin is null)
        {
            return;
        }

        try
        {
            await StopAsync();
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        Directory.Delete(_folder, recursive: true);
    }


    // initdb refuses to run as root; run the server tools as the postgres user when we are root.
    private static Task AsPostgresAsync(string tool, params string[] args) =>
        Environment.UserName == "root" ? RunAsync("runuser", ["-u", "postgres", "--", tool, .. args]) : RunAsync(tool, args);

    private static async Task RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {await error}{await output}");
        }
    }
}

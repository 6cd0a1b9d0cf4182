using System.Data.Common;
using Npgsql;

namespace Retail.Silo.Storage;

/// <summary>The PostgreSQL connection string from <c>ConnectionStrings:Postgres</c>, and a redacted form for logs.</summary>
public sealed record PostgresConnection(string ConnectionString)
{
    /// <summary>The ADO.NET provider invariant Orleans uses to find Npgsql.</summary>
    public const string Invariant = "Npgsql";

    /// <summary>Host, port and database only: never the password.</summary>
    public string Redacted
    {
        get
        {
            var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
            return $"Host={builder.Host};Port={builder.Port};Database={builder.Database};Username={builder.Username}";
        }
    }

    /// <summary>
    /// Connections a silo opens at most, unless the connection string says otherwise. Npgsql's own default of 100
    /// is all of a default PostgreSQL's <c>max_connections</c>: two silos activating grains at once were refused
    /// connections ("too many clients") and their deliveries stalled. 25 leaves room for three silos and an API.
    /// </summary>
    public const int DefaultMaxPoolSize = 25;

    public static PostgresConnection? FromConfiguration(IConfiguration configuration)
    {
        var value = configuration.GetConnectionString("Postgres");
        return string.IsNullOrWhiteSpace(value) ? null : new PostgresConnection(WithPoolLimit(value));
    }

    private static string WithPoolLimit(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.Keys.Cast<string>().Select(key => key.Replace(" ", string.Empty, StringComparison.Ordinal))
            .Any(key => key.Equals("MaximumPoolSize", StringComparison.OrdinalIgnoreCase) || key.Equals("MaxPoolSize", StringComparison.OrdinalIgnoreCase)))
        {
            return connectionString;
        }

        return new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = DefaultMaxPoolSize }.ConnectionString;
    }
}

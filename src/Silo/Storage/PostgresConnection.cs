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

    public static PostgresConnection? FromConfiguration(IConfiguration configuration)
    {
        var value = configuration.GetConnectionString("Postgres");
        return string.IsNullOrWhiteSpace(value) ? null : new PostgresConnection(value);
    }
}

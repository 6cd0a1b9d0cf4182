using Microsoft.Extensions.Configuration;
using Npgsql;
using Retail.Silo.Storage;

namespace Retail.UnitTests.Platform;

public sealed class PostgresConnectionTests
{
    private static PostgresConnection? From(string? connectionString) =>
        PostgresConnection.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = connectionString })
            .Build());

    [Fact]
    public void A_silo_opens_at_most_its_default_pool_so_several_fit_a_default_postgres()
    {
        var connection = From("Host=db;Database=retail;Username=app;Password=secret")!;

        var builder = new NpgsqlConnectionStringBuilder(connection.ConnectionString);
        Assert.Equal(PostgresConnection.DefaultMaxPoolSize, builder.MaxPoolSize);
        Assert.Equal(("db", "retail", "app", "secret"), (builder.Host, builder.Database, builder.Username, builder.Password));
    }

    [Theory]
    [InlineData("Host=db;Maximum Pool Size=80")]
    [InlineData("Host=db;MaxPoolSize=80")]
    public void A_pool_size_in_the_connection_string_is_kept(string connectionString)
    {
        Assert.Equal(80, new NpgsqlConnectionStringBuilder(From(connectionString)!.ConnectionString).MaxPoolSize);
    }

    [Fact]
    public void No_connection_string_means_memory_storage()
    {
        Assert.Null(From(null));
        Assert.Null(From(" "));
    }
}

namespace Retail.ClusterTests;

/// <summary>Skips locally when PostgreSQL is missing; in CI (CI=true) a missing server fails the test.</summary>
internal static class Requires
{
    public static void Postgres(PostgresServer postgres)
    {
        if (postgres.Unavailable is null)
        {
            return;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(postgres.Unavailable);
        }

        Skip.If(true, postgres.Unavailable);
    }
}

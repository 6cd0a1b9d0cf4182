namespace Retail.ClusterTests;

/// <summary>Skips locally when PostgreSQL is missing; in CI (CI=true) a missing server fails the test.</summary>
internal static class Requires
{
    public static void Postgres(PostgresServer postgres)
    {
        if (postgres.Unavailable is { } reason)
        {
            Missing.Requirement(reason);
        }
    }
}

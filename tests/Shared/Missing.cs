namespace Retail.Tests.Shared;

/// <summary>What a test does when something it drives is not installed: skip locally, fail in CI (CI=true).</summary>
internal static class Missing
{
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Fails the test in CI, where the test script installs everything; skips it elsewhere.</summary>
    public static void Requirement(string reason)
    {
        if (InCi)
        {
            throw new InvalidOperationException(reason);
        }

        Skip.If(true, reason);
    }
}

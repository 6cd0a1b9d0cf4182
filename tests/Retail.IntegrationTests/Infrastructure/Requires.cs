namespace Retail.IntegrationTests.Infrastructure;

/// <summary>Skips a test locally when a tool it drives is missing; in CI (CI=true) a missing tool fails it.</summary>
internal static class Requires
{
    public static string Tool(string name)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
        if (path is not null)
        {
            return path;
        }

        Missing.Requirement($"'{name}' is not installed (apt-get install {name}); scripts/test.sh installs it.");
        return name;
    }
}

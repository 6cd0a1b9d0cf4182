using System.Diagnostics;
using Retail.IntegrationTests.Infrastructure;

namespace Retail.IntegrationTests.Deploy;

/// <summary>The compose file and Dockerfiles, validated as far as a machine without a container engine can.</summary>
public sealed class ComposeFileTests
{
    private static readonly string Root = RepositoryRoot.Required();

    private static async Task<(int ExitCode, string Output)> ComposeAsync(bool withSecrets, params string[] args)
    {
        var start = new ProcessStartInfo(Requires.Tool("docker-compose")) { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-f");
        start.ArgumentList.Add("docker-compose.yml");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("POSTGRES_PASSWORD");
        start.Environment.Remove("SHOPIFY_WEBHOOK_SECRET");
        start.Environment.Remove("API_KEY");
        if (withSecrets)
        {
            start.Environment["POSTGRES_PASSWORD"] = "compose-test-password";
            start.Environment["SHOPIFY_WEBHOOK_SECRET"] = "compose-test-key";
            start.Environment["API_KEY"] = "compose-test-api-key";
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }

    [SkippableFact]
    public async Task The_compose_file_is_valid()
    {
        var (exitCode, output) = await ComposeAsync(withSecrets: true, "config", "-q");

        Assert.True(exitCode == 0, output);
    }

    [SkippableFact]
    public async Task It_has_every_service_with_the_generator_behind_a_profile()
    {
        var (_, services) = await ComposeAsync(withSecrets: true, "config", "--services");
        var (_, config) = await ComposeAsync(withSecrets: true, "config");

        Assert.Equal(["api", "datagen", "kafka", "postgres", "silo"], services.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Order());
        var datagen = config[config.IndexOf("  datagen:", StringComparison.Ordinal)..];
        Assert.Contains("profiles:\n    - generator", datagen, StringComparison.Ordinal);
        Assert.Contains("condition: service_healthy", config, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Secrets_must_come_from_the_environment()
    {
        var (exitCode, output) = await ComposeAsync(withSecrets: false, "config", "-q");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Set POSTGRES_PASSWORD", output, StringComparison.Ordinal);
    }

    [Fact]
    public void One_dockerfile_builds_every_image_from_base_images_given_as_arguments_and_runs_as_a_non_root_user()
    {
        var dockerfile = File.ReadAllLines(Path.Combine(Root, "deploy", "docker", "Dockerfile"));

        Assert.Contains("ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0", dockerfile);
        Assert.Contains("ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0", dockerfile);
        Assert.Equal(["build", "runtime", "silo", "api", "datagen", "broker"], dockerfile.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)).Select(l => l.Split(" AS ")[1]));
        Assert.Contains("USER app", dockerfile);
    }
}

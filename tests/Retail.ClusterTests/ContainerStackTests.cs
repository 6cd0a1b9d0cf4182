using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Retail.ClusterTests;

/// <summary>
/// The stack in real containers, as <c>scripts/stack.sh</c> runs it with podman: PostgreSQL, the broker, silo
/// containers and the standalone API. A silo container killed mid-stream, and scaling in and out, leave every
/// variant's count exact.
/// </summary>
[Trait("Category", "Containers")]
[Collection(ContainerStackGroup.Name)]
public sealed class ContainerStackTests
{
    private const int Variants = 24;
    private const int EventsPerVariant = 25;
    private static readonly string Root = RepositoryRoot.Required();

    [SkippableFact]
    public async Task Counts_stay_exact_through_a_killed_silo_container_and_scaling_in_and_out()
    {
        if (!File.Exists("/usr/bin/podman"))
        {
            Missing.Requirement("podman is not installed (apt-get install podman debootstrap); scripts/test.sh installs it.");
        }

        var name = $"retail-test-{Guid.NewGuid():N}"[..24];
        var port = FreePort.Next();
        var apiKey = Guid.NewGuid().ToString("N");
        var environment = new Dictionary<string, string>
        {
            ["STACK_NAME"] = name,
            ["STACK_API_PORT"] = port.ToString(CultureInfo.InvariantCulture),
            ["API_KEY"] = apiKey,
            ["POSTGRES_PASSWORD"] = Guid.NewGuid().ToString("N"),
            ["SHOPIFY_WEBHOOK_SECRET"] = Guid.NewGuid().ToString("N"),
        };
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(15) };
        var expected = new long[Variants];
        var firstVariant = 7_000_000_000_000 + Random.Shared.NextInt64(1_000_000) * 100;
        try
        {
            // The first run on a machine also makes the base images (debootstrap, .NET, PostgreSQL): minutes.
            await StackAsync(environment, TimeSpan.FromMinutes(20), "up", "--silos", "3");
            await AssertSiloCountAsync(http, apiKey, 3);

            await PostAsync(http, apiKey, firstVariant, expected);
            await AssertCountsAsync(http, firstVariant, expected, "with 3 silo containers");

            // kill -9 of a whole silo container, then more events while the cluster notices.
            await PodmanAsync("kill", $"{name}-silo-2");
            await PostAsync(http, apiKey, firstVariant, expected);
            await AssertCountsAsync(http, firstVariant, expected, "after silo-2 was killed");

            await StackAsync(environment, TimeSpan.FromMinutes(5), "up", "--silos", "1");
            await PostAsync(http, apiKey, firstVariant, expected);
            await AssertCountsAsync(http, firstVariant, expected, "scaled in to 1 silo");
            await AssertSiloCountAsync(http, apiKey, 1);

            await StackAsync(environment, TimeSpan.FromMinutes(5), "up", "--silos", "3");
            await PostAsync(http, apiKey, firstVariant, expected);
            await AssertCountsAsync(http, firstVariant, expected, "scaled out to 3 silos again");
            await AssertSiloCountAsync(http, apiKey, 3);
        }
        finally
        {
            await StackAsync(environment, TimeSpan.FromMinutes(3), "down");
        }

        Assert.Empty((await PodmanAsync("ps", "-a", "--filter", $"label=io.retail.stack={name}", "--format", "{{.Names}}")).Trim());
    }

    /// <summary>Posts <see cref="EventsPerVariant"/> clickstream events per variant through the published API.</summary>
    private static async Task PostAsync(HttpClient http, string apiKey, long firstVariant, long[] expected)
    {
        var lines = new StringBuilder();
        for (var round = 0; round < EventsPerVariant; round++)
        {
            for (var i = 0; i < Variants; i++)
            {
                lines.Append(CultureInfo.InvariantCulture, $$"""{"user_id":{{round}},"product_variant_id":{{firstVariant + i}},"activity":"contentView"}""").Append('\n');
                expected[i]++;
            }
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/clickstream", UriKind.Relative))
        {
            Content = new StringContent(lines.ToString(), Encoding.UTF8, "application/x-ndjson"),
        };
        request.Headers.Add("X-Api-Key", apiKey);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    /// <summary>Reads every variant until all counts match or 4 minutes pass, then asserts them all.</summary>
    private static async Task AssertCountsAsync(HttpClient http, long firstVariant, long[] expected, string stage)
    {
        var actual = new long[Variants];
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(4);
        while (true)
        {
            for (var i = 0; i < Variants; i++)
            {
                actual[i] = await TotalAsync(http, firstVariant + i);
            }

            if (actual.SequenceEqual(expected) || DateTime.UtcNow > deadline)
            {
                break;
            }

            await Task.Delay(500);
        }

        Assert.True(actual.SequenceEqual(expected), $"{stage}: expected {string.Join(',', expected)}, got {string.Join(',', actual)}");
    }

    private static async Task<long> TotalAsync(HttpClient http, long variant)
    {
        try
        {
            using var response = await http.GetAsync(new Uri($"/api/variants/{variant}", UriKind.Relative));
            if (!response.IsSuccessStatusCode)
            {
                // Not seen yet, or its grain was on the killed silo and the cluster has not noticed yet.
                return -1;
            }

            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return body.RootElement.GetProperty("activity").GetProperty("total").GetInt64();
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return -1;
        }
    }

    /// <summary>The cluster's active silos, as the API reports them, once membership has caught up (at most 2 minutes).</summary>
    private static async Task AssertSiloCountAsync(HttpClient http, string apiKey, int expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        int actual;
        do
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/system", UriKind.Relative));
            request.Headers.Add("X-Api-Key", apiKey);
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            actual = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("siloCount").GetInt32();
            if (actual != expected)
            {
                await Task.Delay(1000);
            }
        }
        while (actual != expected && DateTime.UtcNow < deadline);

        Assert.Equal(expected, actual);
    }

    private static async Task StackAsync(IReadOnlyDictionary<string, string> environment, TimeSpan timeout, params string[] args)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(Root, "scripts", "stack.sh"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var (exitCode, output) = await RunAsync(start, timeout);
        Console.WriteLine(output);
        Assert.True(exitCode == 0, $"stack.sh {string.Join(' ', args)} exited with {exitCode}:\n{output}");
    }

    private static async Task<string> PodmanAsync(params string[] args)
    {
        var start = new ProcessStartInfo("podman") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var (exitCode, output) = await RunAsync(start, TimeSpan.FromMinutes(1));
        Assert.True(exitCode == 0, $"podman {string.Join(' ', args)} exited with {exitCode}:\n{output}");
        return output;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(ProcessStartInfo start, TimeSpan timeout)
    {
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{start.FileName} {string.Join(' ', start.ArgumentList)} did not finish within {timeout}.");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}

/// <summary>The container stack runs alone: its image builds would otherwise take the cores from the timed cluster tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ContainerStackGroup
{
    public const string Name = "Container stack";
}

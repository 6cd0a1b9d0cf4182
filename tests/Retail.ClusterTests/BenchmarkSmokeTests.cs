using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Retail.ClusterTests;

/// <summary>A tiny run of the end-to-end benchmark proves the harness still works; its figures are not asserted.</summary>
[Trait("Category", "Benchmark")]
public sealed partial class BenchmarkSmokeTests
{
    [Fact]
    public async Task The_e2e_harness_runs_both_sides_and_ends_with_the_machine_readable_line()
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "Retail.Benchmarks"))
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "e2e", "--events", "3000", "--rounds", "2", "--silos", "2", "--variants", "200", "--latency-rate", "500", "--latency-seconds", "1" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);

        var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(process.ExitCode == 0, await error + string.Join('\n', lines));
        Assert.Contains(lines, l => l.StartsWith("Warm-up: 200 variant grains", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Round 2: pipeline", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Verified:", StringComparison.Ordinal));
        Assert.Matches(LastLine(), lines[^1]);
    }

    [GeneratedRegex(@"^pipeline_eps=\d+ baseline_eps=\d+ ratio=\d+\.\d{3} p99_ms=\d+\.\d rss_mb=\d+$")]
    private static partial Regex LastLine();
}

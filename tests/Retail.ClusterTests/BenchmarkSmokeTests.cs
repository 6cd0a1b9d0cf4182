using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;
using Retail.Generators.Replay;
using Retail.Tests.Shared;

namespace Retail.ClusterTests;

/// <summary>Tiny runs of the benchmark commands prove the harnesses still work; their figures are not asserted.</summary>
[Trait("Category", "Benchmark")]
public sealed partial class BenchmarkSmokeTests
{
    [Fact]
    public async Task The_e2e_harness_runs_each_side_alone_verifies_it_and_ends_with_the_machine_readable_line()
    {
        var (exitCode, lines, error) = await RunAsync(
            "e2e", "--variants", "200", "--bursts", "2", "--burst-events", "3000", "--rounds", "1", "--sides", "baseline,streamiz,memory-1,memory-2", "--latency-rate", "500", "--latency-seconds", "1");

        Assert.True(exitCode == 0, error + string.Join('\n', lines));
        foreach (var side in new[] { "baseline", "streamiz", "memory-1", "memory-2" })
        {
            Assert.Contains(lines, l => l.StartsWith($"[{side} round 1/1] warm-up: 200 events applied", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith($"[{side} round 1/1] burst 2/2:", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith($"[{side} round 1/1] verified: the 20 busiest variants", StringComparison.Ordinal));
        }

        // Only the pipelines have a latency phase, read from their silos' probes.
        Assert.Contains(lines, l => l.StartsWith("[memory-2 round 1/1] latency at 500 events/s offered:", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("[baseline round 1/1] latency", StringComparison.Ordinal));
        Assert.Matches(LastLine(), lines[^1]);
    }

    [Fact]
    public async Task The_memory_harness_measures_a_silo_process_holding_one_grain_per_variant_and_product()
    {
        var (exitCode, lines, error) = await RunAsync("memory", "--variants", "300", "--runs", "1", "--settle-seconds", "0", "--catalog", "on", "--traffic-after", "on");

        Assert.True(exitCode == 0, error + string.Join('\n', lines));
        Assert.Contains(lines, l => l.StartsWith("Run 1: 300 variant grains active and 75 product grains.", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Run 1, after a full collection, with 300 variant grains active and 75 product grains left", StringComparison.Ordinal));
        // The second clickstream event per variant was applied too: twice the variants' records committed.
        Assert.Contains(lines, l => l.StartsWith("all 600 records applied and committed", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Run 1, after one more event per variant, with 300 variant grains active:", StringComparison.Ordinal));
        Assert.Matches(MemoryLastLine(), lines[^1]);
    }

    [Fact]
    public async Task The_backtest_forecasts_every_sku_sold_before_each_origin_and_scores_the_three_methods()
    {
        // The three bundled days, gzipped as the nine months are: origins on the first two, a day ahead each.
        var folder = Directory.CreateTempSubdirectory("backtest-smoke").FullName;
        try
        {
            var days = Directory.GetFiles(Path.Combine(RepositoryRoot.Required(), "data", "uci-online-retail"), "*.csv").Order(StringComparer.Ordinal).ToArray();
            var data = Path.Combine(folder, "days.csv.gz");
            await using (var gzip = new StreamWriter(new GZipStream(File.Create(data), CompressionLevel.Fastest)))
            {
                await gzip.WriteLineAsync(File.ReadLines(days[0]).First());
                foreach (var line in days.SelectMany(d => File.ReadLines(d).Skip(1)))
                {
                    await gzip.WriteLineAsync(line);
                }
            }

            var output = Path.Combine(folder, "forecasts.csv");
            var (exitCode, lines, error) = await RunAsync("backtest", "--data", data, "--from", "2010-12-01", "--to", "2010-12-02", "--every", "1", "--horizon", "1", "--out", output);

            Assert.True(exitCode == 0, error + string.Join('\n', lines));
            var skusSoldByOrigin = new Dictionary<string, int>
            {
                ["2010-12-01"] = SkusSold(days[..1]),
                ["2010-12-02"] = SkusSold(days[..2]),
            };
            var rows = File.ReadAllLines(output);
            Assert.Equal("date,sku,p50,p90", rows[0]);
            var forecasts = rows[1..].Select(r => r.Split(',')).ToArray();
            foreach (var (origin, skus) in skusSoldByOrigin)
            {
                Assert.Equal(skus, forecasts.Count(f => f[0] == origin));
                Assert.Contains(lines, l => l.StartsWith($"origin {origin}: {skus:N0} SKUs forecast", StringComparison.Ordinal));
            }

            foreach (var forecast in forecasts)
            {
                var (p50, p90) = (double.Parse(forecast[2], CultureInfo.InvariantCulture), double.Parse(forecast[3], CultureInfo.InvariantCulture));
                Assert.True(p50 >= 0 && p50 <= p90 && double.IsFinite(p90), string.Join(',', forecast));
            }

            foreach (var method in new[] { "seed formula", "28-day moving average", "ours" })
            {
                Assert.Matches($@"^\| {method} \| [\d,]+ \| \d\.\d{{3}} \| [\d,]+ \| [01]\.\d{{3}} \|$", Assert.Single(lines, l => l.StartsWith($"| {method} |", StringComparison.Ordinal)));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        static int SkusSold(string[] files) => files
            .SelectMany(f => File.ReadLines(f).Skip(1))
            .Select(UciLine.Parse)
            .Where(l => !l.IsCancellation && l.Quantity > 0)
            .Select(l => l.StockCode)
            .Distinct()
            .Count();
    }

    internal static async Task<(int ExitCode, string[] Lines, string Error)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "Retail.Benchmarks"))
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        try
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), await error);
        }
        finally
        {
            // A harness that overran must not keep its silos busy on the CI machine's cores.
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    [GeneratedRegex(@"^variants=300 storage=memory catalog=on rss_mb=\d+ peak_rss_mb=\d+ managed_mb=\d+ kb_per_grain=-?\d+\.\d rss_after_full_gc_mb=\d+ managed_after_full_gc_mb=\d+ rss_after_traffic_mb=\d+ managed_after_traffic_mb=\d+$")]
    private static partial Regex MemoryLastLine();

    [GeneratedRegex(@"^pipeline_eps=\d+ baseline_eps=\d+ ratio=\d+\.\d{3} p99_ms=\d+\.\d rss_mb=\d+ cold_eps=\d+ steady_ratio=\d+\.\d{3}$")]
    private static partial Regex LastLine();
}

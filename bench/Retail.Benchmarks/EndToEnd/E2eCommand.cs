using System.Diagnostics;
using System.Globalization;
using Retail.Benchmarks.EndToEnd.Sides;
using Retail.Benchmarks.Probe;
using Retail.Benchmarks.Processes;

namespace Retail.Benchmarks.EndToEnd;

/// <summary>
/// The end-to-end comparison, each side alone: in every round, each side in turn gets a fresh broker process, its
/// own process(es), and the round's records, a warm-up and then bursts as fast as possible; pipeline sides then a
/// latency phase. Nothing else runs meanwhile but the broker and this process's producer, the same for every side.
/// </summary>
public static class E2eCommand
{
    private static readonly TimeSpan WarmupTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan BurstTimeout = TimeSpan.FromMinutes(5);

    public static async Task<int> RunAsync(E2eOptions options)
    {
        var sides = options.Sides.Select(name => ISide.Create(name, options.Postgres)).ToList();
        var latencyEvents = (int)(options.LatencyRate * options.LatencyDuration.TotalSeconds);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"e2e: sides {string.Join(", ", options.Sides)}, each alone on a fresh broker, alternating over {options.Rounds} round(s)."));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Per side run: a warm-up of one event per variant ({options.Variants:N0}), then {options.Bursts} bursts of {options.BurstEvents:N0} events ({options.Skew}) as fast as possible{(latencyEvents > 0 ? $"; for pipelines, {options.LatencyRate:N0} events/s offered for {options.LatencyDuration.TotalSeconds:N0} s" : "")}."));

        var results = sides.ToDictionary(s => s.Name, _ => new List<SideRunResult>());
        for (var round = 1; round <= options.Rounds; round++)
        {
            // Made once per round, before any side runs: each side of a round gets the same records.
            var records = RoundRecords.Create(options, seed: round);
            foreach (var side in sides)
            {
                results[side.Name].Add(await RunSideAsync(side, records, options, $"[{side.Name} round {round}/{options.Rounds}]"));
            }
        }

        Report(options, sides, results);
        return 0;
    }

    private static async Task<SideRunResult> RunSideAsync(ISide side, RoundRecords records, E2eOptions options, string label)
    {
        var starting = Stopwatch.StartNew();
        using var broker = await BrokerProcess.StartAsync();
        using var running = await side.StartAsync(new SideSetup(broker.BootstrapServers, records.Marks, records.Busiest));
        using var producer = Bench.CreateProducer(broker.BootstrapServers);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label} started in {starting.Elapsed.TotalSeconds:N1} s"));

        var started = await Bench.ProduceAsync(producer, BrokerCommand.Topic, records.Warmup, rate: 0, CancellationToken.None);
        var reached = await running.WaitForAsync(records.Marks[0], WarmupTimeout);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label} warm-up: {records.Warmup.Count:N0} events applied in {Stopwatch.GetElapsedTime(started, reached).TotalSeconds:N2} s"));

        var rates = new List<double>();
        for (var burst = 0; burst < records.Bursts.Count; burst++)
        {
            // Each burst is drained before the next, so the broker's retention never drops a record the side has yet to read.
            started = await Bench.ProduceAsync(producer, BrokerCommand.Topic, records.Bursts[burst], rate: 0, CancellationToken.None);
            reached = await running.WaitForAsync(records.Marks[burst + 1], BurstTimeout);
            var took = Stopwatch.GetElapsedTime(started, reached);
            rates.Add(records.Bursts[burst].Count / took.TotalSeconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label} burst {burst + 1}/{records.Bursts.Count}: {rates[^1]:N0} events/s ({records.Bursts[burst].Count:N0} events in {took.TotalSeconds:N3} s)"));
        }

        LatencyReading? latency = null;
        if (running is IReportsLatency reporter && records.Latency.Count > 0)
        {
            await reporter.WaitUntilCommittedAsync(records.Marks[^1]);
            await reporter.StartLatencyAsync();
            await Bench.ProduceAsync(producer, BrokerCommand.Topic, records.Latency, options.LatencyRate, CancellationToken.None);
            await running.WaitForAsync(records.Marks[^1] + records.Latency.Count, BurstTimeout);
            latency = await reporter.StopLatencyAsync();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label} latency at {options.LatencyRate:N0} events/s offered: p50 {latency.P50:N1} ms, p99 {latency.P99:N1} ms, max {latency.Max:N1} ms over {latency.Count:N0} events"));
        }

        var counts = await running.CountsAsync();
        foreach (var (variant, expected) in records.Expected(withLatency: latency is not null))
        {
            var counted = counts.GetValueOrDefault(variant);
            if (counted != expected)
            {
                throw new InvalidOperationException($"{label} variant {variant} has {counted} events, but {expected} were produced for it.");
            }
        }

        var rss = await running.PeakRssMbAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label} verified: the {records.Busiest.Count} busiest variants have exactly the events produced for them; peak RSS {rss:N0} MB"));
        return new SideRunResult(rates, latency, rss);
    }

    private static void Report(E2eOptions options, IReadOnlyList<ISide> sides, Dictionary<string, List<SideRunResult>> results)
    {
        double Cold(string side) => Bench.Median(results[side].Select(r => r.BurstRates[0]));
        double Steady(string side) => Bench.Median(results[side].SelectMany(r => r.BurstRates.Skip(1)));
        double Latency(string side, Func<LatencyReading, double> percentile) =>
            results[side].All(r => r.Latency is not null) ? Bench.Median(results[side].Select(r => percentile(r.Latency!))) : double.NaN;
        double Rss(string side) => Bench.Median(results[side].Select(r => r.PeakRssMb));

        foreach (var side in sides)
        {
            Console.WriteLine();
            Console.WriteLine($"{side.Name}: events/s per burst; burst 1 is cold");
            Console.WriteLine($"| Round | {string.Join(" | ", Enumerable.Range(1, options.Bursts).Select(b => $"Burst {b}"))} |");
            Console.WriteLine($"|---|{string.Concat(Enumerable.Repeat("---|", options.Bursts))}");
            for (var round = 0; round < results[side.Name].Count; round++)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {round + 1} | {string.Join(" | ", results[side.Name][round].BurstRates.Select(r => r.ToString("N0", CultureInfo.InvariantCulture)))} |"));
            }
        }

        var baseline = Steady(BaselineSide.SideName);
        Console.WriteLine();
        Console.WriteLine($"Medians over {options.Rounds} round(s). Cold: burst 1. Steady: bursts 2 to {options.Bursts} of every round. Latency: with several silos, the highest of their percentiles. Peak RSS: summed over a side's processes.");
        Console.WriteLine("| Side | Cold events/s | Steady events/s | Steady ratio to baseline | Latency p50 / p99 / max | Peak RSS |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var side in sides.Select(s => s.Name))
        {
            var latency = double.IsNaN(Latency(side, l => l.P99))
                ? "-"
                : string.Create(CultureInfo.InvariantCulture, $"{Latency(side, l => l.P50):N1} / {Latency(side, l => l.P99):N1} / {Latency(side, l => l.Max):N1} ms");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {side} | {Cold(side):N0} | {Steady(side):N0} | {Steady(side) / baseline:N2} | {latency} | {Rss(side):N0} MB |"));
        }

        // The machine-readable last line, for the first pipeline side given.
        var pipeline = sides.OfType<PipelineSide>().First().Name;
        var ratio = Steady(pipeline) / baseline;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pipeline_eps={Steady(pipeline):F0} baseline_eps={baseline:F0} ratio={ratio:F3} p99_ms={Latency(pipeline, l => l.P99):F1} rss_mb={Rss(pipeline):F0} cold_eps={Cold(pipeline):F0} steady_ratio={ratio:F3}"));
    }
}

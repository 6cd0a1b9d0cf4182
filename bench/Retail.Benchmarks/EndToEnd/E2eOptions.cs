using System.Globalization;

namespace Retail.Benchmarks.EndToEnd;

/// <summary>Options of the <c>e2e</c> command.</summary>
public sealed record E2eOptions
{
    public int Events { get; init; } = 100_000;

    public int Variants { get; init; } = 10_000;

    /// <summary><c>zipf</c> or <c>uniform</c>.</summary>
    public string Skew { get; init; } = "zipf";

    /// <summary>Offered rate of the throughput phase, events/s; 0 = as fast as possible.</summary>
    public double Rate { get; init; }

    /// <summary>Offered rate of the latency phase, events/s.</summary>
    public double LatencyRate { get; init; } = 5_000;

    /// <summary>Length of the latency phase.</summary>
    public TimeSpan LatencyDuration { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary><c>memory</c>, or <c>postgres</c> with <see cref="Postgres"/>.</summary>
    public string Storage { get; init; } = "memory";

    public string? Postgres { get; init; }

    /// <summary>Throughput rounds of <see cref="Events"/> events each; the report gives their medians.</summary>
    public int Rounds { get; init; } = 5;

    /// <summary>Silos in this process, joined into one cluster.</summary>
    public int Silos { get; init; } = 1;

    /// <summary>Whether one event per variant goes first, so both sides are measured warm.</summary>
    public bool Warmup { get; init; } = true;

    public const string Usage = """
        Usage: Retail.Benchmarks e2e [options]
          --events N            events per throughput round (default 100000)
          --rounds N            throughput rounds; medians are reported (default 5)
          --variants N          distinct variants (default 10000)
          --skew zipf|uniform   how events spread over variants (default zipf)
          --rate N              offered events/s in the throughput phase; 0 = as fast as possible (default 0)
          --latency-rate N      offered events/s in the latency phase (default 5000)
          --latency-seconds N   length of the latency phase (default 15; 0 skips it)
          --storage memory|postgres   grain storage (default memory)
          --postgres CONN       connection string, with --storage postgres
          --silos N             silos in one cluster, in this process (default 1)
          --warmup on|off       first one event per variant, so both sides are measured warm (default on)
        """;

    public static E2eOptions Parse(IReadOnlyList<string> args)
    {
        var options = new E2eOptions();
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            var value = args[i + 1];
            options = args[i] switch
            {
                "--events" => options with { Events = int.Parse(value, CultureInfo.InvariantCulture) },
                "--variants" => options with { Variants = int.Parse(value, CultureInfo.InvariantCulture) },
                "--skew" => options with { Skew = value is "zipf" or "uniform" ? value : throw new ArgumentException("--skew is zipf or uniform") },
                "--rate" => options with { Rate = double.Parse(value, CultureInfo.InvariantCulture) },
                "--latency-rate" => options with { LatencyRate = double.Parse(value, CultureInfo.InvariantCulture) },
                "--latency-seconds" => options with { LatencyDuration = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) },
                "--storage" => options with { Storage = value is "memory" or "postgres" ? value : throw new ArgumentException("--storage is memory or postgres") },
                "--postgres" => options with { Postgres = value },
                "--rounds" => options with { Rounds = int.Parse(value, CultureInfo.InvariantCulture) is var r and >= 1 ? r : throw new ArgumentException("--rounds is at least 1") },
                "--silos" => options with { Silos = int.Parse(value, CultureInfo.InvariantCulture) is var n and >= 1 ? n : throw new ArgumentException("--silos is at least 1") },
                "--warmup" => options with { Warmup = value is "on" or "off" ? value == "on" : throw new ArgumentException("--warmup is on or off") },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'.\n{Usage}"),
            };
        }

        if (args.Count % 2 != 0)
        {
            throw new ArgumentException($"Expected '--option value' pairs.\n{Usage}");
        }

        if (options.Storage == "postgres" && string.IsNullOrWhiteSpace(options.Postgres))
        {
            throw new ArgumentException("--storage postgres needs --postgres CONNECTION-STRING.");
        }

        return options;
    }
}

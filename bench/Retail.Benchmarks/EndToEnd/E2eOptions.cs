using System.Globalization;
using Retail.Benchmarks.EndToEnd.Sides;

namespace Retail.Benchmarks.EndToEnd;

/// <summary>Options of the <c>e2e</c> command.</summary>
public sealed record E2eOptions
{
    public int Variants { get; init; } = 10_000;

    /// <summary><c>zipf</c> or <c>uniform</c>.</summary>
    public string Skew { get; init; } = "zipf";

    /// <summary>Bursts per side run: the first is the cold one, the others the steady ones.</summary>
    public int Bursts { get; init; } = 5;

    /// <summary>Events per burst. The embedded broker keeps at most about 5 MiB per partition, so a burst must fit.</summary>
    public int BurstEvents { get; init; } = 90_000;

    /// <summary>Rounds; each runs every side once, in the order given.</summary>
    public int Rounds { get; init; } = 3;

    /// <summary>The sides, as <see cref="ISide.Create"/> names them: <c>baseline</c> and at least one pipeline side.</summary>
    public IReadOnlyList<string> Sides { get; init; } = [BaselineSide.SideName, StreamizSide.SideName, "memory-1"];

    /// <summary>Offered rate of the pipelines' latency phase, events/s.</summary>
    public double LatencyRate { get; init; } = 5_000;

    /// <summary>Length of the latency phase; zero skips it.</summary>
    public TimeSpan LatencyDuration { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>For the <c>postgres-N</c> sides: any database, whose schema the silo applies.</summary>
    public string? Postgres { get; init; }

    public const string Usage = """
        Usage: Retail.Benchmarks e2e [options]
          --sides LIST          comma-separated, run in this order in every round (default baseline,streamiz,memory-1):
                                baseline    the hand-written consumer, in its own process
                                streamiz    the same count with Streamiz.Kafka.Net (Kafka Streams for .NET),
                                            in its own process; compared with baseline like the pipelines
                                memory-N    N Retail.Silo processes with memory storage (e.g. memory-1, memory-2)
                                postgres-N  N Retail.Silo processes with PostgreSQL storage, with --postgres
                                baseline and at least one pipeline side are needed
          --rounds N            rounds; each runs every side once, alone, on a fresh broker (default 3)
          --bursts N            bursts per side run, at least 2: the first is cold, the rest steady (default 5)
          --burst-events N      events per burst, produced as fast as possible; at most about 90000 fit in the
                                embedded broker's partitions (default 90000)
          --variants N          distinct variants; the warm-up sends one event to each (default 10000)
          --skew zipf|uniform   how burst events spread over variants (default zipf)
          --latency-rate N      offered events/s in the pipelines' latency phase (default 5000)
          --latency-seconds N   length of the latency phase (default 15; 0 skips it)
          --postgres CONN       connection string for the postgres-N sides (any database; the silo applies the schema)
        """;

    public static E2eOptions Parse(IReadOnlyList<string> args)
    {
        if (args.Count % 2 != 0)
        {
            throw new ArgumentException($"Expected '--option value' pairs.\n{Usage}");
        }

        var options = new E2eOptions();
        for (var i = 0; i < args.Count; i += 2)
        {
            var value = args[i + 1];
            options = args[i] switch
            {
                "--sides" => options with { Sides = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
                "--rounds" => options with { Rounds = AtLeast(1, value, "--rounds") },
                "--bursts" => options with { Bursts = AtLeast(2, value, "--bursts") },
                "--burst-events" => options with { BurstEvents = AtLeast(1, value, "--burst-events") },
                "--variants" => options with { Variants = AtLeast(1, value, "--variants") },
                "--skew" => options with { Skew = value is "zipf" or "uniform" ? value : throw new ArgumentException("--skew is zipf or uniform") },
                "--latency-rate" => options with { LatencyRate = double.Parse(value, CultureInfo.InvariantCulture) is var r and >= 0 ? r : throw new ArgumentException("--latency-rate is at least 0") },
                "--latency-seconds" => options with { LatencyDuration = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture) is var s and >= 0 ? s : throw new ArgumentException("--latency-seconds is at least 0")) },
                "--postgres" => options with { Postgres = value },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'.\n{Usage}"),
            };
        }

        var sides = options.Sides.Select(name => ISide.Create(name, options.Postgres)).ToList();
        if (sides.Select(s => s.Name).Distinct().Count() != sides.Count)
        {
            throw new ArgumentException("--sides names each side once.");
        }

        if (!sides.OfType<BaselineSide>().Any() || !sides.OfType<PipelineSide>().Any())
        {
            throw new ArgumentException("--sides needs baseline and at least one pipeline side (memory-N or postgres-N): the figures are ratios to the baseline.");
        }

        return options;
    }

    private static int AtLeast(int least, string value, string option) =>
        int.Parse(value, CultureInfo.InvariantCulture) is var n && n >= least ? n : throw new ArgumentException($"{option} is at least {least}");
}

using System.Globalization;

namespace Retail.Benchmarks.EndToEnd.Baseline;

/// <summary>Options of the <c>baseline</c> command, which e2e starts.</summary>
public sealed record BaselineOptions
{
    public string BootstrapServers { get; init; } = "";

    /// <summary>Cumulative record counts, rising, at which the consumer says when it got there; it stops at the last.</summary>
    public IReadOnlyList<long> Marks { get; init; } = [];

    /// <summary>The variants whose counts it prints at the end.</summary>
    public IReadOnlyList<long> Report { get; init; } = [];

    public const string Usage = """
        Usage: Retail.Benchmarks baseline --bootstrap HOST:PORT --marks N,N,... [--report ID,ID,...]
        Started by e2e: the baseline service, alone in its process. One consumer thread reads shopify_clickstream's
        4 partitions from the beginning, parses each record with System.Text.Json and counts per variant. It prints
        'ready' once assigned, then 'mark <index> <Stopwatch timestamp>' as its record count reaches each mark, and
        after the last, 'counts ID:COUNT,...' for the --report variants and 'peak_rss_mb <MB>', and exits.
        """;

    public static BaselineOptions Parse(IReadOnlyList<string> args)
    {
        if (args.Count % 2 != 0)
        {
            throw new ArgumentException($"Expected '--option value' pairs.\n{Usage}");
        }

        var options = new BaselineOptions();
        for (var i = 0; i < args.Count; i += 2)
        {
            var value = args[i + 1];
            options = args[i] switch
            {
                "--bootstrap" => options with { BootstrapServers = value },
                "--marks" => options with { Marks = Longs(value) },
                "--report" => options with { Report = Longs(value) },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'.\n{Usage}"),
            };
        }

        if (string.IsNullOrWhiteSpace(options.BootstrapServers) || options.Marks.Count == 0)
        {
            throw new ArgumentException($"--bootstrap and --marks are required.\n{Usage}");
        }

        if (options.Marks[0] < 1 || options.Marks.Zip(options.Marks.Skip(1)).Any(m => m.Second <= m.First))
        {
            throw new ArgumentException("--marks rise from at least 1.");
        }

        return options;
    }

    private static long[] Longs(string list) =>
        list.Length == 0 ? [] : [.. list.Split(',').Select(v => long.Parse(v, CultureInfo.InvariantCulture))];
}

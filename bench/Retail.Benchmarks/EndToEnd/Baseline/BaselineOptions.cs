using System.Globalization;

namespace Retail.Benchmarks.EndToEnd.Baseline;

/// <summary>Options of the baseline processes that e2e starts, <c>baseline</c> and <c>streamiz</c>.</summary>
public sealed record BaselineOptions
{
    public string BootstrapServers { get; init; } = "";

    /// <summary>Cumulative record counts, rising, at which the process says when it got there; it stops at the last.</summary>
    public IReadOnlyList<long> Marks { get; init; } = [];

    /// <summary>The variants whose counts it prints at the end.</summary>
    public IReadOnlyList<long> Report { get; init; } = [];

    /// <summary>Parses <paramref name="args"/>; errors name the command's <paramref name="usage"/>.</summary>
    public static BaselineOptions Parse(IReadOnlyList<string> args, string usage)
    {
        if (args.Count % 2 != 0)
        {
            throw new ArgumentException($"Expected '--option value' pairs.\n{usage}");
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
                _ => throw new ArgumentException($"Unknown option '{args[i]}'.\n{usage}"),
            };
        }

        if (string.IsNullOrWhiteSpace(options.BootstrapServers) || options.Marks.Count == 0)
        {
            throw new ArgumentException($"--bootstrap and --marks are required.\n{usage}");
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

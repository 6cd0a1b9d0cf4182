using System.Globalization;

namespace Retail.Benchmarks.Memory;

/// <summary>Options of the <c>memory</c> command.</summary>
public sealed record MemoryOptions
{
    /// <summary>Distinct variants, one event each: this many variant grains end up active.</summary>
    public int Variants { get; init; } = 100_000;

    /// <summary><c>memory</c>, or <c>postgres</c> with <see cref="Postgres"/>.</summary>
    public string Storage { get; init; } = "memory";

    public string? Postgres { get; init; }

    /// <summary>Whether each variant also gets Shopify data: a product update before its clickstream event.</summary>
    public bool Catalog { get; init; }

    /// <summary>
    /// Whether, after the full collection, every variant gets one more clickstream event and RSS is read a third
    /// time: a silo whose variants stay busy, in which the GC runs and returns what it no longer uses.
    /// </summary>
    public bool TrafficAfter { get; init; }

    /// <summary>Fresh silo processes measured one after the other; the report gives their median.</summary>
    public int Runs { get; init; } = 3;

    /// <summary>
    /// The least the silo idles before each reading, once it is ready and after the last commit; then until its RSS
    /// holds steady. Zero reads at once.
    /// </summary>
    public TimeSpan Settle { get; init; } = TimeSpan.FromSeconds(30);

    public const string Usage = """
        Usage: Retail.Benchmarks memory [options]
          --variants N          distinct variants, one event each: the active variant grains (default 100000)
          --runs N              silo processes measured one after another; the median is reported (default 3)
          --storage memory|postgres   grain storage (default memory)
          --catalog on|off      also a Shopify products/update for every variant, four to a product, before the
                                clickstream: variants with titles, SKU, price and stock, and their product grains (default off)
          --postgres CONN       connection string, with --storage postgres (any empty database);
                                without it, the ConnectionStrings__Postgres environment variable
          --settle-seconds N    least idle time before each reading, once the silo is ready and after the last commit;
                                then until RSS holds within 1% for 30 s, at most 5 minutes more (default 30; 0 reads at once)
          --traffic-after on|off  after the full collection, one more clickstream event per variant, and a third
                                reading once steady: the variants busy again, and the GC with them (default off)
        After that reading it has the silo run a full collection and reads again, once steady; with --catalog on and
        a settle time, it first waits for the catalog's idle product grains and streams to leave (about 5.5 minutes).
        The silo runs with this process's DOTNET_* variables, e.g. DOTNET_gcServer=0 for workstation GC;
        the application's own settings are not passed on.
        """;

    public static MemoryOptions Parse(IReadOnlyList<string> args)
    {
        if (args.Count % 2 != 0)
        {
            throw new ArgumentException($"Expected '--option value' pairs.\n{Usage}");
        }

        var options = new MemoryOptions();
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            var value = args[i + 1];
            options = args[i] switch
            {
                "--variants" => options with { Variants = int.Parse(value, CultureInfo.InvariantCulture) is var v and >= 1 ? v : throw new ArgumentException("--variants is at least 1") },
                "--runs" => options with { Runs = int.Parse(value, CultureInfo.InvariantCulture) is var r and >= 1 ? r : throw new ArgumentException("--runs is at least 1") },
                "--storage" => options with { Storage = value is "memory" or "postgres" ? value : throw new ArgumentException("--storage is memory or postgres") },
                "--postgres" => options with { Postgres = value },
                "--catalog" => options with { Catalog = value is "on" ? true : value is "off" ? false : throw new ArgumentException("--catalog is on or off") },
                "--traffic-after" => options with { TrafficAfter = value is "on" ? true : value is "off" ? false : throw new ArgumentException("--traffic-after is on or off") },
                "--settle-seconds" => options with { Settle = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture) is var t and >= 0 ? t : throw new ArgumentException("--settle-seconds is at least 0")) },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'.\n{Usage}"),
            };
        }

        if (options.Storage == "postgres" && string.IsNullOrWhiteSpace(options.Postgres))
        {
            options = options with { Postgres = Environment.GetEnvironmentVariable("ConnectionStrings__Postgres") };
            if (string.IsNullOrWhiteSpace(options.Postgres))
            {
                throw new ArgumentException("--storage postgres needs --postgres CONNECTION-STRING or ConnectionStrings__Postgres.");
            }
        }

        return options;
    }
}

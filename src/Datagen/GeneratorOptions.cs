using System.Globalization;

namespace Retail.Datagen;

/// <summary>Command-line options of the generator.</summary>
public sealed record GeneratorOptions(
    string Mode,
    string BootstrapServers,
    string Topic,
    double Rate,
    long? Count,
    TimeSpan? Duration,
    int Seed)
{
    public const string Usage = """
        Usage: datagen clickstream --bootstrap HOST:PORT [options]

          --bootstrap HOST:PORT   Kafka bootstrap servers (required)
          --topic NAME            target topic (default shopify_clickstream)
          --rate N                events per second (default 100; 0 = as fast as possible)
          --count N               stop after N events
          --duration SECONDS      stop after this long
          --seed N                random seed; the same seed gives the same events (default 1)
        """;

    /// <summary>Parses the arguments, or explains what is wrong.</summary>
    public static bool TryParse(IReadOnlyList<string> args, out GeneratorOptions? options, out string? error)
    {
        options = null;
        if (args.Count == 0 || args[0] is "-h" or "--help")
        {
            error = null;
            return false;
        }

        var mode = args[0];
        if (mode != "clickstream")
        {
            error = $"Unknown mode '{mode}'.";
            return false;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                error = $"Expected '--option value' at '{args[i]}'.";
                return false;
            }

            values[args[i][2..]] = args[++i];
        }

        var known = new HashSet<string>(["bootstrap", "topic", "rate", "count", "duration", "seed"], StringComparer.Ordinal);
        var unknown = values.Keys.FirstOrDefault(k => !known.Contains(k));
        if (unknown is not null)
        {
            error = $"Unknown option '--{unknown}'.";
            return false;
        }

        if (!values.TryGetValue("bootstrap", out var bootstrap) || string.IsNullOrWhiteSpace(bootstrap))
        {
            error = "--bootstrap is required.";
            return false;
        }

        if (!TryNumber(values, "rate", 100, out var rate) || rate < 0)
        {
            error = "--rate must be a number of events per second, 0 or more.";
            return false;
        }

        long? count = null;
        if (values.TryGetValue("count", out var countText))
        {
            if (!long.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed < 1)
            {
                error = "--count must be a positive integer.";
                return false;
            }

            count = parsed;
        }

        TimeSpan? duration = null;
        if (values.ContainsKey("duration"))
        {
            if (!TryNumber(values, "duration", 0, out var seconds) || seconds <= 0)
            {
                error = "--duration must be a positive number of seconds.";
                return false;
            }

            duration = TimeSpan.FromSeconds(seconds);
        }

        var seed = 1;
        if (values.TryGetValue("seed", out var seedText) && !int.TryParse(seedText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out seed))
        {
            error = "--seed must be an integer.";
            return false;
        }

        options = new GeneratorOptions(mode, bootstrap, values.GetValueOrDefault("topic", "shopify_clickstream"), rate, count, duration, seed);
        error = null;
        return true;
    }

    private static bool TryNumber(Dictionary<string, string> values, string name, double fallback, out double value)
    {
        if (!values.TryGetValue(name, out var text))
        {
            value = fallback;
            return true;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }
}

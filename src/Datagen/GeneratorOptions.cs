using System.Globalization;

namespace Retail.Datagen;

/// <summary>Command-line options of the generator.</summary>
public sealed record GeneratorOptions(
    string Mode,
    string? BootstrapServers,
    Uri? Api,
    string? Topic,
    double Rate,
    long? Count,
    TimeSpan? Duration,
    int Seed)
{
    public const string Clickstream = "clickstream";
    public const string Shopify = "shopify";
    public const string ReplayUci = "replay-uci";

    /// <summary>Secret for signing webhooks to the API: <c>--secret</c>, <c>--secret-file</c>, or SHOPIFY_WEBHOOK_SECRET.</summary>
    public string? Secret { get; init; }

    /// <summary>Sent as <c>X-Api-Key</c> to the API.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Where to write the expected per-variant totals.</summary>
    public string? TruthFile { get; init; }

    /// <summary>How much faster than real time a replay runs.</summary>
    public double Speedup { get; init; } = 3600;

    /// <summary>The folder of UCI CSV files for a replay.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>librdkafka settings for the Kafka producer, from repeated <c>--kafka KEY=VALUE</c>.</summary>
    public IReadOnlyDictionary<string, string> KafkaSettings { get; init; } = new Dictionary<string, string>();

    public const string Usage = """
        Usage: datagen <clickstream|shopify|replay-uci> (--bootstrap HOST:PORT | --api URL) [options]
               datagen broker [--port N] [--advertise HOST]   (an embedded Kafka broker for trials)

        Modes:
          clickstream             the seed datagen's clickstream records
          shopify                 a small store: product updates, orders, restocks, price changes
          replay-uci              real UCI Online Retail transactions as orders and inventory changes;
                                  cancellations are returns

        Target (one of):
          --bootstrap HOST:PORT   Kafka bootstrap servers
          --api URL               the platform's HTTP ingest (webhooks are signed)

        Options:
          --topic NAME            clickstream topic (default shopify_clickstream)
          --rate N                records per second (default 100; 0 = as fast as possible; not for replay-uci)
          --count N               stop after N records
          --duration SECONDS      stop after this long
          --seed N                random seed; the same seed gives the same records (default 1)
          --secret KEY            webhook signing key (or --secret-file PATH, or SHOPIFY_WEBHOOK_SECRET)
          --api-key KEY           sent as X-Api-Key
          --truth PATH            write the expected per-variant totals to this JSON file
          --speedup N             replay-uci: times faster than real time (default 3600: an hour a second)
          --data DIR              replay-uci: folder of UCI CSV files (default: the bundled three days)
          --kafka KEY=VALUE       a librdkafka setting for the producer, e.g. security.protocol=SASL_SSL; repeatable
        """;

    private static readonly HashSet<string> Known = new(
        ["bootstrap", "api", "topic", "rate", "count", "duration", "seed", "secret", "secret-file", "api-key", "truth", "speedup", "data"],
        StringComparer.Ordinal);

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
        if (mode is not (Clickstream or Shopify or ReplayUci))
        {
            error = $"Unknown mode '{mode}'.";
            return false;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var kafka = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                error = $"Expected '--option value' at '{args[i]}'.";
                return false;
            }

            if (args[i] == "--kafka")
            {
                var setting = args[++i];
                var equals = setting.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0)
                {
                    error = $"--kafka takes KEY=VALUE, got '{setting}'.";
                    return false;
                }

                kafka[setting[..equals]] = setting[(equals + 1)..];
                continue;
            }

            values[args[i][2..]] = args[++i];
        }

        var unknown = values.Keys.FirstOrDefault(k => !Known.Contains(k));
        if (unknown is not null)
        {
            error = $"Unknown option '--{unknown}'.";
            return false;
        }

        var bootstrap = values.GetValueOrDefault("bootstrap");
        Uri? api = null;
        if (values.TryGetValue("api", out var apiText) && (!Uri.TryCreate(apiText, UriKind.Absolute, out api) || api.Scheme is not ("http" or "https")))
        {
            error = "--api must be an http or https URL.";
            return false;
        }

        if (string.IsNullOrWhiteSpace(bootstrap) == (api is null))
        {
            error = "Give exactly one target: --bootstrap or --api.";
            return false;
        }

        if (!TryNumber(values, "rate", 100, out var rate) || rate < 0)
        {
            error = "--rate must be a number of records per second, 0 or more.";
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

        if (!TryNumber(values, "speedup", 3600, out var speedup) || speedup <= 0)
        {
            error = "--speedup must be a positive number.";
            return false;
        }

        var secret = values.GetValueOrDefault("secret")
            ?? (values.TryGetValue("secret-file", out var secretFile) && File.Exists(secretFile) ? File.ReadAllText(secretFile).Trim() : null)
            ?? Environment.GetEnvironmentVariable("SHOPIFY_WEBHOOK_SECRET");
        if (api is not null && mode != Clickstream && string.IsNullOrEmpty(secret))
        {
            error = "Webhooks to --api must be signed: give --secret, --secret-file or SHOPIFY_WEBHOOK_SECRET.";
            return false;
        }

        options = new GeneratorOptions(mode, bootstrap, api, values.GetValueOrDefault("topic"), rate, count, duration, seed)
        {
            Secret = secret,
            ApiKey = values.GetValueOrDefault("api-key"),
            TruthFile = values.GetValueOrDefault("truth"),
            Speedup = speedup,
            DataDirectory = values.GetValueOrDefault("data"),
            KafkaSettings = kafka,
        };
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

using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using Confluent.Kafka;
using Retail.Grains.Abstractions.Variants;
using Streaming.Kafka.Embedded;

namespace Retail.ClusterTests;

/// <summary>
/// One test's cluster: a database of its own, a Kafka broker hosted in the test process so that it outlives
/// every silo, and silo and API processes started and killed at will.
/// </summary>
public sealed class ClusterHarness : IAsyncDisposable
{
    private readonly List<HostProcess> _processes = [];

    private ClusterHarness(EmbeddedKafkaBroker broker, string connectionString, string clusterId)
    {
        Broker = broker;
        ConnectionString = connectionString;
        ClusterId = clusterId;
    }

    public EmbeddedKafkaBroker Broker { get; }

    public string ConnectionString { get; }

    public string ClusterId { get; }

    /// <summary>Settings for every process started from now on, over the defaults.</summary>
    public Dictionary<string, string> ProcessSettings { get; } = [];

    public static async Task<ClusterHarness> CreateAsync(PostgresServer postgres)
    {
        var name = $"retail_{Guid.NewGuid():N}";
        var connection = await postgres.CreateDatabaseAsync(name);
        var broker = EmbeddedKafkaBroker.Start();
        broker.CreateTopic("shopify_clickstream", 4);
        return new ClusterHarness(broker, connection, name);
    }

    /// <summary>Starts a silo process on free ports and waits until it is ready.</summary>
    public async Task<HostProcess> StartSiloAsync(string name)
    {
        var silo = HostProcess.Start("Retail.Silo", Settings(HostProcess.OwnOrleansPorts()), name);
        _processes.Add(silo);
        await silo.WaitReadyAsync(TimeSpan.FromSeconds(90));
        return silo;
    }

    /// <summary>Starts the standalone API, an Orleans client that finds the cluster through PostgreSQL.</summary>
    public async Task<HostProcess> StartApiAsync()
    {
        var api = HostProcess.Start("Retail.Api", Settings([]), "api");
        _processes.Add(api);
        await api.WaitReadyAsync(TimeSpan.FromSeconds(90));
        return api;
    }

    /// <summary>Produces seed-format clickstream at a steady rate; records the truth of what was acknowledged.</summary>
    public async Task ProduceAsync(IReadOnlyList<(long Variant, string Activity)> events, double rate, Func<int, Task>? onProgress = null)
    {
        using var producer = new ProducerBuilder<byte[], byte[]>(new ProducerConfig
        {
            BootstrapServers = Broker.BootstrapServers,
            LingerMs = 5,
            EnableIdempotence = true,
        }).Build();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var writes = new List<Task>(events.Count);
        for (var i = 0; i < events.Count; i++)
        {
            var due = TimeSpan.FromSeconds(i / rate) - clock.Elapsed;
            if (due > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(due);
            }

            var (variant, activity) = events[i];
            writes.Add(producer.ProduceAsync("shopify_clickstream", new Message<byte[], byte[]>
            {
                Key = Encoding.UTF8.GetBytes(variant.ToString(CultureInfo.InvariantCulture)),
                Value = Encoding.UTF8.GetBytes($$"""{"userid":1644276582001,"product_variant_id":{{variant}},"activity":"{{activity}}","time":"01/Jan/1970:00:00:00 +0000"}"""),
            }));
            if (onProgress is not null && (i + 1) % 1_000 == 0)
            {
                await onProgress(i + 1);
            }
        }

        await Task.WhenAll(writes);
    }

    /// <summary>Random events over <paramref name="variants"/> variants, the same for the same seed.</summary>
    public static List<(long Variant, string Activity)> Events(int count, int variants, int seed)
    {
        var random = new Random(seed);
        string[] activities = ["contentView", "contentView", "contentView", "addToCart", "purchase"];
        return [.. Enumerable.Range(0, count).Select(_ => (90_000_000_000_000L + random.Next(variants), activities[random.Next(activities.Length)]))];
    }

    /// <summary>The expected counts: per variant, per activity.</summary>
    public static Dictionary<long, Dictionary<string, long>> Truth(IEnumerable<(long Variant, string Activity)> events) =>
        events.GroupBy(e => e.Variant).ToDictionary(g => g.Key, g => g.GroupBy(e => e.Activity).ToDictionary(a => a.Key, a => (long)a.Count()));

    /// <summary>
    /// Reads every variant through <paramref name="api"/> until all match the truth; fails at once if any count
    /// goes past it (counted twice), and after <paramref name="timeout"/> if some stay short (lost).
    /// </summary>
    public static async Task AssertCountsAsync(HttpClient api, Dictionary<long, Dictionary<string, long>> truth, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var mismatches = new List<string>();
        while (true)
        {
            mismatches.Clear();
            foreach (var (variant, expected) in truth)
            {
                var snapshot = await ReadAsync(api, variant);
                var actual = snapshot is null
                    ? new Dictionary<string, long>()
                    : new Dictionary<string, long> { ["contentView"] = snapshot.Activity.ContentView, ["addToCart"] = snapshot.Activity.AddToCart, ["purchase"] = snapshot.Activity.Purchase };
                foreach (var (activity, count) in expected)
                {
                    var seen = actual.GetValueOrDefault(activity);
                    Assert.True(seen <= count, $"variant {variant} counted {seen} {activity}, more than the {count} produced");
                    if (seen != count)
                    {
                        mismatches.Add($"{variant} {activity}: {seen} of {count}");
                    }
                }
            }

            if (mismatches.Count == 0)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"{mismatches.Count} counts short after {timeout}, e.g. {string.Join("; ", mismatches.Take(5))}");
            }

            await Task.Delay(500);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        Broker.Dispose();
    }

    private static async Task<VariantSnapshot?> ReadAsync(HttpClient api, long variant)
    {
        using var response = await api.GetAsync(new Uri($"/api/variants/{variant}", UriKind.Relative));
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<VariantSnapshot>() : null;
    }

    /// <summary>Everything the processes started so far have written to stdout and stderr.</summary>
    public string Logs() => string.Join('\n', _processes.Select(p => File.ReadAllText(p.LogFile)));

    private Dictionary<string, string> Settings(Dictionary<string, string> extra)
    {
        var settings = new Dictionary<string, string>
        {
            ["Kafka:BootstrapServers"] = Broker.BootstrapServers,
            ["Kafka:CommitInterval"] = "00:00:01",
            ["ConnectionStrings:Postgres"] = ConnectionString,
            ["Orleans:ClusterId"] = ClusterId,
            ["Orleans:AdvertisedHost"] = "127.0.0.1",
            ["Demo:Enabled"] = "false",
            ["Shopify:WebhookSecret"] = "cluster-test-key",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Orleans.Runtime.Silo"] = "Information",
        };
        foreach (var (key, value) in ProcessSettings.Concat(extra))
        {
            settings[key] = value;
        }

        return settings;
    }

}

using System.Diagnostics;
using System.Net;

namespace Retail.Benchmarks.Processes;

/// <summary>A <c>Retail.Silo</c> child process, run as in production, killed when disposed.</summary>
internal sealed class SiloProcess : IDisposable
{
    // Settings of the application that an inherited environment must not change under the benchmark.
    private static readonly string[] OwnSettings =
    [
        "ASPNETCORE_", "ConnectionStrings__", "Kafka__", "Orleans__", "Demo__", "Api__", "Operator__", "Otlp__", "OTEL_", "Logging__",
        "Database__", "Shopify__", "Clickstream__", "RateLimits__", "Pricing__", "Forecasting__",
    ];

    private readonly ChildProcess _process;
    private readonly int _port;
    private readonly string _apiKey;

    private SiloProcess(ChildProcess process, int port, string apiKey)
    {
        _process = process;
        _port = port;
        _apiKey = apiKey;
    }

    /// <summary>
    /// Starts the silo with <paramref name="settings"/> (keys with ':', as <see cref="Bench.SiloSettings"/> gives
    /// them) and HTTP on <paramref name="port"/>: Production environment, logging at Warning, an API key of its own.
    /// <paramref name="environment"/> adds runtime variables, such as a startup hook.
    /// </summary>
    public static SiloProcess Start(IReadOnlyDictionary<string, string?> settings, int port, IReadOnlyDictionary<string, string>? environment = null)
    {
        // The silo's build output is copied next to this benchmark's, apphost and runtime settings (server GC) included.
        var start = ChildProcess.StartInfo("Retail.Silo");
        foreach (var inherited in start.Environment.Keys.Where(k => OwnSettings.Any(p => k.StartsWith(p, StringComparison.OrdinalIgnoreCase))).ToList())
        {
            start.Environment.Remove(inherited);
        }

        var apiKey = Guid.NewGuid().ToString("N");
        var own = new Dictionary<string, string?>(settings)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            // Outside Development, /metrics needs it.
            ["Api:Key"] = apiKey,
            ["Logging:LogLevel:Default"] = "Warning",
        };

        // In the environment rather than on the command line, where every user of the machine can read them.
        foreach (var (key, value) in own)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return new SiloProcess(ChildProcess.Start(start, "silo"), port, apiKey);
    }

    /// <summary>A client of the silo's API, with its key.</summary>
    public HttpClient CreateClient() => new() { BaseAddress = new Uri($"http://127.0.0.1:{_port}"), DefaultRequestHeaders = { { "X-Api-Key", _apiKey } } };

    public async Task WaitUntilReadyAsync(HttpClient http, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            ThrowIfExited();
            try
            {
                using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"The silo was not ready within {timeout}. Its last lines:\n{_process.LastLines()}");
            }

            await Task.Delay(250);
        }
    }

    public void ThrowIfExited() => _process.ThrowIfExited();

    /// <summary>The silo's process id, for its diagnostics port.</summary>
    public int Id => _process.Id;

    public double RssMb() => _process.RssMb();

    public double PeakRssMb() => _process.PeakRssMb();

    public void Dispose() => _process.Dispose();
}

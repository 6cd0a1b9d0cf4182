using System.Diagnostics;
using System.Net;
using Streaming.Kafka.Embedded;

namespace Retail.Benchmarks.Memory;

/// <summary>A <c>Retail.Silo</c> child process on the benchmark's broker, killed when disposed.</summary>
internal sealed class SiloProcess : IDisposable
{
    // Settings of the application that an inherited environment must not change under the benchmark.
    private static readonly string[] OwnSettings =
    [
        "ASPNETCORE_", "ConnectionStrings__", "Kafka__", "Orleans__", "Demo__", "Api__", "Operator__", "Otlp__", "OTEL_", "Logging__",
        "Database__", "Shopify__", "Clickstream__", "RateLimits__", "Pricing__", "Forecasting__",
    ];

    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();
    private readonly int _port;
    private readonly string _apiKey;
    private int _disposed;

    private SiloProcess(Process process, int port, string apiKey)
    {
        _process = process;
        _port = port;
        _apiKey = apiKey;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        // Not left running when the benchmark is stopped with Ctrl+C or ends on an exception.
        AppDomain.CurrentDomain.ProcessExit += OnExit;
        Console.CancelKeyPress += OnExit;
    }

    public static SiloProcess Start(EmbeddedKafkaBroker broker, MemoryOptions options, string serviceId, string topic, string? productsTopic, int port)
    {
        // The silo's build output is copied next to this benchmark's, apphost and runtime settings (server GC) included.
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "Retail.Silo.exe" : "Retail.Silo"))
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        foreach (var inherited in start.Environment.Keys.Where(k => OwnSettings.Any(p => k.StartsWith(p, StringComparison.OrdinalIgnoreCase))).ToList())
        {
            start.Environment.Remove(inherited);
        }

        var apiKey = Guid.NewGuid().ToString("N");
        var settings = Bench.SiloSettings(broker, serviceId, Bench.FreePort(), options.Storage == "postgres" ? options.Postgres : null);
        settings["ASPNETCORE_ENVIRONMENT"] = "Production";
        settings["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        settings["Kafka:Topics:Clickstream"] = topic;
        if (productsTopic is not null)
        {
            settings["Kafka:Topics:ProductsUpdate"] = productsTopic;
        }

        settings["Orleans:ServiceId"] = serviceId;
        // Outside Development, /metrics needs it.
        settings["Api:Key"] = apiKey;
        settings["Logging:LogLevel:Default"] = "Warning";

        // In the environment rather than on the command line, where every user of the machine can read them.
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return new SiloProcess(Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}."), port, apiKey);
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
                throw new TimeoutException($"The silo was not ready within {timeout}. Its last lines:\n{LastLines()}");
            }

            await Task.Delay(250);
        }
    }

    public void ThrowIfExited()
    {
        if (_process.HasExited)
        {
            // Until the output streams close, the last lines, which say why, may still be on their way.
            _process.WaitForExit();
            throw new InvalidOperationException($"The silo exited with code {_process.ExitCode}. Its last lines:\n{LastLines()}");
        }
    }

    /// <summary>The silo's process id, for its diagnostics port.</summary>
    public int Id => _process.Id;

    public double RssMb()
    {
        _process.Refresh();
        return _process.WorkingSet64 / (1024.0 * 1024.0);
    }

    public double PeakRssMb()
    {
        _process.Refresh();
        return _process.PeakWorkingSet64 / (1024.0 * 1024.0);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= OnExit;
        Console.CancelKeyPress -= OnExit;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void OnExit(object? sender, EventArgs e) => Dispose();

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            if (_lastLines.Count > 30)
            {
                _lastLines.Dequeue();
            }
        }
    }

    private string LastLines()
    {
        lock (_lastLines)
        {
            return string.Join('\n', _lastLines);
        }
    }
}

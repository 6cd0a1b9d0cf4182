using System.Diagnostics;
using System.Globalization;
using System.Net;
using Retail.Benchmarks.EndToEnd;
using Streaming.Kafka.Embedded;

namespace Retail.Benchmarks.Memory;

/// <summary>A <c>Retail.Silo</c> child process on the benchmark's broker, killed when disposed.</summary>
internal sealed class SiloProcess : IDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();
    private readonly int _port;
    private readonly string _apiKey;

    private SiloProcess(Process process, int port, string apiKey)
    {
        _process = process;
        _port = port;
        _apiKey = apiKey;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public static SiloProcess Start(EmbeddedKafkaBroker broker, MemoryOptions options, string serviceId, string topic, int port)
    {
        // The silo's build output is copied next to this benchmark's, apphost and runtime settings (server GC) included.
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "Retail.Silo.exe" : "Retail.Silo"))
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        var apiKey = Guid.NewGuid().ToString("N");

        // Settings go in the environment, not the command line, where other users could read a connection string.
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["Kafka__BootstrapServers"] = broker.BootstrapServers,
            ["Kafka__Topics__Clickstream"] = topic,
            ["Demo__Enabled"] = "false",
            ["Orleans__ServiceId"] = serviceId,
            ["Orleans__ClusterId"] = serviceId,
            ["Orleans__SiloPort"] = E2eCommand.FreePort().ToString(CultureInfo.InvariantCulture),
            ["Orleans__GatewayPort"] = E2eCommand.FreePort().ToString(CultureInfo.InvariantCulture),
            ["Orleans__AdvertisedHost"] = "127.0.0.1",
            ["Shopify__WebhookSecret"] = "benchmark-key",
            // Outside Development, /metrics needs it.
            ["Api__Key"] = apiKey,
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in EmbeddedKafkaBroker.ConsumerSettings)
        {
            settings[$"Kafka__Consumer__{key}"] = value;
        }

        if (options.Storage == "postgres")
        {
            settings["ConnectionStrings__Postgres"] = options.Postgres!;
        }

        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
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
            throw new InvalidOperationException($"The silo exited with code {_process.ExitCode}. Its last lines:\n{LastLines()}");
        }
    }

    public double RssMb() => StatusKb("VmRSS:") / 1024.0;

    public double PeakRssMb() => StatusKb("VmHWM:") / 1024.0;

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private long StatusKb(string field)
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

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

using System.Diagnostics;

namespace Retail.ClusterTests;

/// <summary>
/// A silo or the standalone API, run as its own OS process from this test's output folder, with its log in
/// a file for when a test fails.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly HttpClient _http;

    private HostProcess(Process process, int httpPort, string logFile)
    {
        _process = process;
        HttpPort = httpPort;
        LogFile = logFile;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), Timeout = TimeSpan.FromSeconds(10) };
    }

    public int HttpPort { get; }

    public string LogFile { get; }

    public HttpClient Http => _http;

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts <paramref name="program"/> (Retail.Silo or Retail.Api) with the given settings, in the Development
    /// environment unless <paramref name="asNewcomer"/>: then with no environment set, as a user runs it.
    /// </summary>
    public static HostProcess Start(string program, IReadOnlyDictionary<string, string> settings, string name, bool asNewcomer = false, string host = "127.0.0.1")
    {
        var httpPort = FreePort.Next();
        var logFile = Path.Combine(Path.GetTempPath(), $"retail-{name}-{httpPort}.log");
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, program))
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://{host}:{httpPort}");
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        if (asNewcomer)
        {
            start.Environment.Remove("DOTNET_ENVIRONMENT");
            start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        }
        else
        {
            start.Environment["DOTNET_ENVIRONMENT"] = "Development";
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        }

        var process = Process.Start(start)!;
        var log = new StreamWriter(logFile) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.Exited += (_, _) => log.Dispose();
        process.EnableRaisingEvents = true;
        return new HostProcess(process, httpPort, logFile);
    }

    /// <summary>A silo port and a gateway port of their own, so that silos of parallel tests do not collide.</summary>
    public static Dictionary<string, string> OwnOrleansPorts() => new()
    {
        ["Orleans:SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Orleans:GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Waits until <c>/health/ready</c> answers 200.</summary>
    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The process exited with {_process.ExitCode}; see {LogFile}.");
            }

            try
            {
                using var response = await _http.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Not answering yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Not ready within {timeout}; see {LogFile}.");
    }

    /// <summary>kill -9: no shutdown, no flush, no goodbye.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>SIGTERM, as Ctrl+C or a container stop would send, then waits for the exit.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _http.Dispose();
        _process.Dispose();
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            try
            {
                log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // The process ended while its last lines were in flight.
            }
        }
    }

}

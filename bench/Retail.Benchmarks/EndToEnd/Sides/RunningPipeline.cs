using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Retail.Benchmarks.Probe;
using Retail.Benchmarks.Processes;

namespace Retail.Benchmarks.EndToEnd.Sides;

/// <summary>
/// The pipeline's silo processes, each with a <see cref="VariantProbe"/> loaded by a startup hook, and a
/// connection to each probe.
/// </summary>
internal sealed class RunningPipeline : IRunningSide, IReportsLatency
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(10);

    private readonly SideSetup _setup;
    private readonly string _serviceId = $"bench-e2e-{Guid.NewGuid():N}";
    private readonly List<SiloProcess> _silos = [];
    private readonly List<HttpClient> _clients = [];
    private readonly List<ProbeClient> _probes = [];
    private readonly PostgresRun _stored;

    private RunningPipeline(SideSetup setup, string? postgres)
    {
        _setup = setup;
        _stored = new PostgresRun(postgres, _serviceId);
    }

    /// <summary>
    /// Starts <paramref name="silos"/> silo processes one after another, each once the one before is ready: a
    /// fresh cluster and service id, so that with PostgreSQL a run shares no membership or state with another.
    /// </summary>
    public static async Task<RunningPipeline> StartAsync(SideSetup setup, int silos, string? postgres)
    {
        var pipeline = new RunningPipeline(setup, postgres);
        try
        {
            int? primarySiloPort = null;
            for (var i = 0; i < silos; i++)
            {
                var siloPort = Bench.FreePort();
                var settings = Bench.SiloSettings(setup.BootstrapServers, pipeline._serviceId, siloPort, postgres);
                if (postgres is null && primarySiloPort is { } primary)
                {
                    // Localhost clustering: the later silos join the first through its silo port.
                    settings["Orleans:PrimarySiloPort"] = primary.ToString(CultureInfo.InvariantCulture);
                }

                await pipeline.StartSiloAsync(settings);
                primarySiloPort ??= siloPort;
            }

            await pipeline.WaitForOneClusterAsync();
            return pipeline;
        }
        catch
        {
            pipeline.Dispose();
            throw;
        }
    }

    public async Task<long> WaitForAsync(long count, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            // The silos apply disjoint events: the count is their sum, and it was reached at the latest silo's last event.
            long applied = 0;
            long last = 0;
            foreach (var probe in _probes)
            {
                var (silo, at) = await probe.CountAsync();
                applied += silo;
                last = Math.Max(last, at);
            }

            if (applied > count)
            {
                // Nothing else is produced: more can only mean the silos did not share the partitions as one cluster.
                throw new InvalidOperationException($"The pipeline applied {applied:N0} events, more than the {count:N0} produced.");
            }

            if (applied == count)
            {
                return last;
            }

            _silos.ForEach(s => s.ThrowIfExited());
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"The pipeline applied {applied:N0} of {count:N0} events within {timeout}.");
            }

            await Task.Delay(PollEvery);
        }
    }

    public Task WaitUntilCommittedAsync(long records) =>
        Bench.WaitForCommitsAsync(_setup.BootstrapServers, _serviceId, BrokerCommand.Topic, BrokerCommand.Partitions, records, () => _silos.ForEach(s => s.ThrowIfExited()), TimeSpan.FromMinutes(2));

    public async Task StartLatencyAsync()
    {
        foreach (var probe in _probes)
        {
            await probe.StartLatencyAsync();
        }
    }

    public async Task<LatencyReading> StopLatencyAsync()
    {
        var readings = new List<LatencyReading>();
        foreach (var probe in _probes)
        {
            readings.Add(await probe.StopLatencyAsync());
        }

        return LatencyReading.Combine(readings);
    }

    /// <summary>Through the API, as a user reads them: the sum of the variant's activity counts.</summary>
    public async Task<IReadOnlyDictionary<long, long>> CountsAsync()
    {
        var counts = new Dictionary<long, long>();
        foreach (var variant in _setup.Verified)
        {
            using var response = await _clients[0].GetAsync(new Uri($"/api/variants/{variant.ToString(CultureInfo.InvariantCulture)}", UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                counts[variant] = 0;
                continue;
            }

            response.EnsureSuccessStatusCode();
            using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
            var activity = body.RootElement.GetProperty("activity");
            counts[variant] = activity.GetProperty("contentView").GetInt64() + activity.GetProperty("addToCart").GetInt64() + activity.GetProperty("purchase").GetInt64();
        }

        return counts;
    }

    public Task<double> PeakRssMbAsync() => Task.FromResult(_silos.Sum(s => s.PeakRssMb()));

    public void Dispose()
    {
        _probes.ForEach(p => p.Dispose());
        _clients.ForEach(c => c.Dispose());
        _silos.ForEach(s => s.Dispose());
        _stored.Dispose();
    }

    /// <summary>Every silo sees all of them as active members: one cluster, sharing the partitions.</summary>
    private async Task WaitForOneClusterAsync()
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var seen = new List<int>();
            foreach (var client in _clients)
            {
                using var body = await JsonDocument.ParseAsync(await client.GetStreamAsync(new Uri("/api/system", UriKind.Relative)));
                seen.Add(body.RootElement.GetProperty("siloCount").GetInt32());
            }

            if (seen.All(count => count == _silos.Count))
            {
                return;
            }

            if (clock.Elapsed > TimeSpan.FromMinutes(1))
            {
                throw new TimeoutException($"The silos did not form one cluster of {_silos.Count} within a minute: they see {string.Join(", ", seen)} active silos.");
            }

            await Task.Delay(250);
        }
    }

    private async Task StartSiloAsync(Dictionary<string, string?> settings)
    {
        var probePort = Bench.FreePort();
        var silo = SiloProcess.Start(settings, Bench.FreePort(), new Dictionary<string, string>
        {
            // This assembly, whose StartupHook starts the probe before the silo's own code runs.
            ["DOTNET_STARTUP_HOOKS"] = typeof(StartupHook).Assembly.Location,
            [VariantProbe.PortVariable] = probePort.ToString(CultureInfo.InvariantCulture),
        });
        _silos.Add(silo);
        var client = silo.CreateClient();
        _clients.Add(client);
        await silo.WaitUntilReadyAsync(client, TimeSpan.FromMinutes(2));
        _probes.Add(await ProbeClient.ConnectAsync(probePort));
    }
}

using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.Globalization;
using Confluent.Kafka;
using Microsoft.Diagnostics.NETCore.Client;
using Retail.Benchmarks.EndToEnd;
using Retail.Benchmarks.Processes;
using Streaming.Kafka.Embedded;

namespace Retail.Benchmarks.Memory;

/// <summary>
/// The memory a silo needs per active variant grain, measured as a user runs it: the <c>Retail.Silo</c> process on
/// its own, with the broker and the producer in this process instead of in the silo's.
/// </summary>
public static class MemoryCommand
{
    private const int Partitions = 4;

    // RSS counts as steady once it has held within 1% for 30 s, sampled every 5 s; it is read anyway after 5 more minutes.
    private static readonly TimeSpan SampleEvery = TimeSpan.FromSeconds(5);
    private const int SamplesPerWindow = 7;
    private static readonly TimeSpan MaxSteadyWait = TimeSpan.FromMinutes(5);

    // The silo's default Kafka:StreamInactivityPeriod, plus the tenth of it at which its readers check.
    private static readonly TimeSpan IdleStreamsLeave = TimeSpan.FromMinutes(5.5);

    // Idle product grains left 3 to 5 minutes after the catalog in trials: their age limit, then the collector's rounds.
    private static readonly TimeSpan MaxCatalogWait = TimeSpan.FromMinutes(10);

    // The runtime's GCHeapCollect keyword: a diagnostics session that enables it gets a full, blocking collection.
    private const long GcHeapCollectKeyword = 0x800000;

    public static async Task<int> RunAsync(MemoryOptions options)
    {
        Console.WriteLine($"memory: {options.Variants:N0} variants, one clickstream event each{(options.Catalog ? " after a product update" : "")}, storage {options.Storage}, {options.Runs} silo process(es) one after another");
        using var broker = EmbeddedKafkaBroker.Start();
        var runs = new List<Reading>();
        for (var run = 1; run <= options.Runs; run++)
        {
            var reading = await MeasureOnceAsync(broker, options, run);
            runs.Add(reading);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Run {run}: {reading.Grains:N0} variant grains active{(options.Catalog ? $" and {reading.ProductGrains:N0} product grains" : "")}. RSS {reading.RssMb:N0} MB once steady, peak {reading.PeakRssMb:N0} MB; managed heap after the last collection {reading.ManagedMb:N0} MB, {reading.CommittedMb:N0} MB committed by the GC."));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Run {run}, after a full collection, with {reading.AfterGc.Grains:N0} variant grains active{(options.Catalog ? $" and {reading.ProductGrainsLeft:N0} product grains left" : "")}: RSS {reading.AfterGc.RssMb:N0} MB once steady; managed heap {reading.AfterGc.ManagedMb:N0} MB, {reading.AfterGc.CommittedMb:N0} MB committed by the GC."));
            if (reading.AfterTraffic is { } busy)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Run {run}, after one more event per variant, with {busy.Grains:N0} variant grains active: RSS {busy.RssMb:N0} MB once steady; managed heap {busy.ManagedMb:N0} MB, {busy.CommittedMb:N0} MB committed by the GC."));
            }
        }

        var rss = Bench.Median(runs.Select(r => r.RssMb));
        var peak = Bench.Median(runs.Select(r => r.PeakRssMb));
        var managed = Bench.Median(runs.Select(r => r.ManagedMb));
        var perGrain = Bench.Median(runs.Select(r => (r.RssMb - r.IdleRssMb) * 1024 / Math.Max(r.Grains, 1)));
        var afterGc = Bench.Median(runs.Select(r => r.AfterGc.RssMb));
        var managedAfterGc = Bench.Median(runs.Select(r => r.AfterGc.ManagedMb));
        var (busyRss, busyManaged) = options.TrafficAfter
            ? (Bench.Median(runs.Select(r => r.AfterTraffic!.RssMb)), Bench.Median(runs.Select(r => r.AfterTraffic!.ManagedMb)))
            : (0, 0);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Median of {options.Runs}: RSS {rss:N0} MB, peak {peak:N0} MB, managed {managed:N0} MB; about {perGrain:N1} KB of RSS per active variant grain over the idle silo, one-time costs included. After a full collection: RSS {afterGc:N0} MB, managed {managedAfterGc:N0} MB.{(options.TrafficAfter ? $" With traffic again: RSS {busyRss:N0} MB, managed {busyManaged:N0} MB." : "")}"));
        var afterTraffic = options.TrafficAfter
            ? string.Create(CultureInfo.InvariantCulture, $" rss_after_traffic_mb={busyRss:F0} managed_after_traffic_mb={busyManaged:F0}")
            : "";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"variants={options.Variants} storage={options.Storage} catalog={(options.Catalog ? "on" : "off")} rss_mb={rss:F0} peak_rss_mb={peak:F0} managed_mb={managed:F0} kb_per_grain={perGrain:F1} rss_after_full_gc_mb={afterGc:F0} managed_after_full_gc_mb={managedAfterGc:F0}{afterTraffic}"));
        return 0;
    }

    private sealed record Reading(
        double IdleRssMb, double RssMb, double PeakRssMb, double ManagedMb, double CommittedMb, double Grains, double ProductGrains, double ProductGrainsLeft, GcReading AfterGc, GcReading? AfterTraffic);

    private sealed record GcReading(double RssMb, double ManagedMb, double CommittedMb, double Grains);

    private static async Task<Reading> MeasureOnceAsync(EmbeddedKafkaBroker broker, MemoryOptions options, int run)
    {
        // A topic per run, so each silo reads only its own run's records; a service id per run, so that with
        // PostgreSQL it starts from empty state instead of the previous run's applied positions.
        var serviceId = $"bench-memory-{Guid.NewGuid():N}";
        var topic = $"bench_memory_clickstream_{run}";
        broker.CreateTopic(topic, Partitions);
        var productsTopic = options.Catalog ? $"bench_memory_products_{run}" : null;
        if (productsTopic is not null)
        {
            broker.CreateTopic(productsTopic, Partitions);
        }

        var settings = Bench.SiloSettings(broker.BootstrapServers, serviceId, Bench.FreePort(), options.Storage == "postgres" ? options.Postgres : null);
        settings["Kafka:Topics:Clickstream"] = topic;
        if (productsTopic is not null)
        {
            settings["Kafka:Topics:ProductsUpdate"] = productsTopic;
        }

        // Declared first, so disposed last: once the silo has stopped.
        using var stored = new PostgresRun(options.Storage == "postgres" ? options.Postgres : null, serviceId);
        using var silo = SiloProcess.Start(settings, Bench.FreePort());
        using var http = silo.CreateClient();
        await silo.WaitUntilReadyAsync(http, TimeSpan.FromMinutes(2));
        await SettleAsync(silo, options.Settle, "idle silo");
        var idle = silo.RssMb();

        var workload = new Workload(options.Variants, zipf: false, seed: run);
        using var producer = Bench.CreateProducer(broker.BootstrapServers);
        if (productsTopic is not null)
        {
            await Bench.ProduceAsync(producer, productsTopic, workload.Catalog(DateTimeOffset.UtcNow), rate: 0, CancellationToken.None);
        }

        await Bench.ProduceAsync(producer, topic, workload.EachVariantOnce(), rate: 0, CancellationToken.None);
        if (productsTopic is not null)
        {
            await Bench.WaitForCommitsAsync(broker.BootstrapServers, serviceId, productsTopic, Partitions, workload.Products, silo.ThrowIfExited, TimeSpan.FromMinutes(15));
        }

        await Bench.WaitForCommitsAsync(broker.BootstrapServers, serviceId, topic, Partitions, options.Variants, silo.ThrowIfExited, TimeSpan.FromMinutes(15));
        var sinceCatalog = Stopwatch.StartNew();

        // The steady state of a silo holding these grains, not the activation burst: that is the peak figure.
        await SettleAsync(silo, options.Settle, "silo holding the grains");
        var metrics = await PrometheusText.ReadAsync(http);
        var rss = silo.RssMb();

        // An idle silo runs no full collection of its own, so memory that grains and streams free when they go idle
        // stays counted until a busy one would: read RSS again after one.
        if (productsTopic is not null && options.Settle > TimeSpan.Zero)
        {
            await WaitForIdleCatalogToLeaveAsync(http, silo, sinceCatalog);
        }

        var productGrainsLeft = productsTopic is null ? 0 : ProductGrains(await PrometheusText.ReadAsync(http));
        await FullCollectionAsync(silo, http);
        await SettleAsync(silo, options.Settle, "silo after a full collection");
        var after = await PrometheusText.ReadAsync(http);
        var afterGc = new GcReading(silo.RssMb(), ManagedMb(after), CommittedMb(after), VariantGrains(after));

        GcReading? afterTraffic = null;
        if (options.TrafficAfter)
        {
            await Bench.ProduceAsync(producer, topic, workload.EachVariantOnce(), rate: 0, CancellationToken.None);
            await Bench.WaitForCommitsAsync(broker.BootstrapServers, serviceId, topic, Partitions, 2L * options.Variants, silo.ThrowIfExited, TimeSpan.FromMinutes(15));
            await SettleAsync(silo, options.Settle, "silo after more traffic");
            var busy = await PrometheusText.ReadAsync(http);
            afterTraffic = new GcReading(silo.RssMb(), ManagedMb(busy), CommittedMb(busy), VariantGrains(busy));
        }

        return new Reading(
            idle,
            rss,
            silo.PeakRssMb(),
            ManagedMb(metrics),
            CommittedMb(metrics),
            VariantGrains(metrics),
            productsTopic is null ? 0 : ProductGrains(metrics),
            productGrainsLeft,
            afterGc,
            afterTraffic);
    }

    private static double ManagedMb(PrometheusText metrics) => metrics.Sum("dotnet_gc_last_collection_heap_size_bytes") / (1024 * 1024);

    private static double CommittedMb(PrometheusText metrics) => metrics.Sum("dotnet_gc_last_collection_memory_committed_size_bytes") / (1024 * 1024);

    private static double VariantGrains(PrometheusText metrics) => metrics.Sum("orleans_catalog_activations", "grain_type=\"productvariant\"");

    private static double ProductGrains(PrometheusText metrics) => metrics.Sum("orleans_catalog_activations", "grain_type=\"product\"");

    /// <summary>
    /// Waits for what the catalog update left idle to leave: the product grains, after their two-minute age limit
    /// and the collector's rounds, and the variant streams of the products topic's readers, after the silo's
    /// stream inactivity period.
    /// </summary>
    private static async Task WaitForIdleCatalogToLeaveAsync(HttpClient http, SiloProcess silo, Stopwatch sinceCatalog)
    {
        var reported = TimeSpan.Zero;
        while (ProductGrains(await PrometheusText.ReadAsync(http)) is var left && (left > 0 || sinceCatalog.Elapsed < IdleStreamsLeave))
        {
            if (sinceCatalog.Elapsed > MaxCatalogWait)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {left:N0} product grains still active {sinceCatalog.Elapsed.TotalSeconds:N0} s after the catalog; going on"));
                return;
            }

            if (sinceCatalog.Elapsed - reported >= TimeSpan.FromMinutes(1))
            {
                reported = sinceCatalog.Elapsed;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  waiting for idle product grains and streams to leave: {left:N0} product grains active {sinceCatalog.Elapsed.TotalSeconds:N0} s after the catalog"));
            }

            await Task.Delay(SampleEvery);
            silo.ThrowIfExited();
        }
    }

    /// <summary>
    /// Has the silo run a full, blocking collection, as <c>dotnet-gcdump</c> does: a diagnostics session on its
    /// runtime's event pipe that asks for the GC heap. Done once its count of gen2 collections has moved.
    /// </summary>
    private static async Task FullCollectionAsync(SiloProcess silo, HttpClient http)
    {
        var before = Gen2Collections(await PrometheusText.ReadAsync(http));
        var client = new DiagnosticsClient(silo.Id);
        using var session = client.StartEventPipeSession(
            new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, GcHeapCollectKeyword),
            requestRundown: false);
        var drain = session.EventStream.CopyToAsync(Stream.Null);
        var clock = Stopwatch.StartNew();
        while (Gen2Collections(await PrometheusText.ReadAsync(http)) <= before)
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(1))
            {
                throw new TimeoutException("The silo ran no full collection within a minute of being asked.");
            }

            await Task.Delay(250);
            silo.ThrowIfExited();
        }

        await session.StopAsync(CancellationToken.None);
        await drain;
    }

    private static double Gen2Collections(PrometheusText metrics) => metrics.Sum("dotnet_gc_collections_total", "gc_heap_generation=\"gen2\"");

    /// <summary>
    /// Idles for <paramref name="minimum"/>, then until RSS stops moving. After the activation burst the GC hands
    /// memory back over a minute or two, and a reading taken meanwhile varied by 50 MB from run to run.
    /// </summary>
    private static async Task SettleAsync(SiloProcess silo, TimeSpan minimum, string what)
    {
        var clock = Stopwatch.StartNew();
        await Task.Delay(minimum);
        silo.ThrowIfExited();
        if (minimum <= TimeSpan.Zero)
        {
            return;
        }

        var window = new Queue<double>();
        while (clock.Elapsed < minimum + MaxSteadyWait)
        {
            window.Enqueue(silo.RssMb());
            if (window.Count > SamplesPerWindow)
            {
                window.Dequeue();
            }

            if (window.Count == SamplesPerWindow && window.Max() - window.Min() <= window.Max() / 100)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  RSS of the {what} steady at {window.Last():N0} MB after {clock.Elapsed.TotalSeconds:N0} s"));
                return;
            }

            await Task.Delay(SampleEvery);
            silo.ThrowIfExited();
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  RSS of the {what} still moving after {clock.Elapsed.TotalSeconds:N0} s ({window.Min():N0} to {window.Max():N0} MB over the last 30 s); reading it now"));
    }
}

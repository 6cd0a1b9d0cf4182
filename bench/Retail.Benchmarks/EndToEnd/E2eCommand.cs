using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Confluent.Kafka;
using HdrHistogram;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Retail.Api.Hosting;
using Retail.Grains.Abstractions.Events;
using Retail.Grains.Abstractions.Variants;
using Retail.Silo.Hosting;
using Retail.Grains.Variants;
using Streaming.Kafka.Embedded;

namespace Retail.Benchmarks.EndToEnd;

/// <summary>
/// The end-to-end comparison, in one run on one stream: a plain Confluent.Kafka consumer that parses and
/// counts per variant in a dictionary (the baseline), against Kafka → our provider → ProductVariant grains.
/// </summary>
public static class E2eCommand
{
    private const string Topic = "shopify_clickstream";

    public static async Task<int> RunAsync(E2eOptions options)
    {
        Console.WriteLine($"e2e: {options.Events:N0} events over {options.Variants:N0} variants ({options.Skew}), storage {options.Storage}, {options.Silos} silo(s), offered {(options.Rate > 0 ? $"{options.Rate:N0}/s" : "as fast as possible")}");
        using var broker = EmbeddedKafkaBroker.Start();
        broker.CreateTopic(Topic, 4);
        using var delivered = new DeliveryWatch();
        var silos = await StartPipelineAsync(broker, options);
        var workload = new Workload(options.Variants, options.Skew == "zipf");
        var warmup = options.Warmup ? options.Variants : 0;
        var marks = Enumerable.Range(0, options.Rounds + 1).Select(r => (long)warmup + ((long)r * options.Events)).ToArray();
        using var baseline = new BaselineConsumer(broker.BootstrapServers, marks);

        // Warm-up: one event per variant, so that both sides are measured in their steady state, with every
        // variant grain active and every dictionary entry made. Activation is reported on its own.
        if (warmup > 0)
        {
            var activation = Stopwatch.StartNew();
            await Bench.ProduceAsync(broker, Topic, workload.EachVariantOnce(), rate: 0, CancellationToken.None);
            await delivered.WaitForAsync(warmup, TimeSpan.FromMinutes(10));
            await baseline.WaitForMarkAsync(0, TimeSpan.FromMinutes(1));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Warm-up: {warmup:N0} variant grains activated by their first event in {activation.Elapsed.TotalSeconds:N1} s ({warmup / activation.Elapsed.TotalSeconds:N0}/s)."));
        }

        // Throughput, in rounds: both sides read the same records while they are produced; the medians count.
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var paused = GC.GetTotalPauseDuration();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var gcs = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var rounds = new List<(double Pipeline, double Baseline)>();
        var throughputTime = TimeSpan.Zero;
        for (var round = 1; round <= options.Rounds; round++)
        {
            delivered.SetMark(marks[round]);
            var started = Stopwatch.GetTimestamp();
            await Bench.ProduceAsync(broker, Topic, workload.Events(options.Events), options.Rate, CancellationToken.None);
            await Task.WhenAll(baseline.WaitForMarkAsync(round, TimeSpan.FromMinutes(5)), delivered.WaitForAsync(marks[round], TimeSpan.FromMinutes(5)));
            while (delivered.MarkReachedAt == 0)
            {
                // The count has passed the mark; its timestamp is a write away.
                await Task.Yield();
            }

            var pipelineTime = Stopwatch.GetElapsedTime(started, delivered.MarkReachedAt);
            var baselineTime = Stopwatch.GetElapsedTime(started, baseline.ReachedAt(round));
            throughputTime += pipelineTime;
            rounds.Add((options.Events / pipelineTime.TotalSeconds, options.Events / baselineTime.TotalSeconds));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Round {round}: pipeline {rounds[^1].Pipeline:N0}/s, baseline {rounds[^1].Baseline:N0}/s, ratio {rounds[^1].Pipeline / rounds[^1].Baseline:N2}."));
        }

        var bytesPerEvent = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / ((double)options.Events * options.Rounds);
        var gcPause = GC.GetTotalPauseDuration() - paused;
        var cores = (Process.GetCurrentProcess().TotalProcessorTime - cpu) / throughputTime;
        var pipelineEps = Bench.Median(rounds.Select(r => r.Pipeline));
        var baselineEps = Bench.Median(rounds.Select(r => r.Baseline));
        var ratio = Bench.Median(rounds.Select(r => r.Pipeline / r.Baseline));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Throughput rounds: {cores:N2} of {Environment.ProcessorCount} cores busy on average; GC paused {gcPause.TotalSeconds:N2} s ({100 * gcPause / throughputTime:N0}%), collections gen0 {GC.CollectionCount(0) - gcs.Item1}, gen1 {GC.CollectionCount(1) - gcs.Item2}, gen2 {GC.CollectionCount(2) - gcs.Item3}."));
        await VerifyAsync(silos[0], baseline);

        // Latency: a fixed offered load, from the record's produce timestamp to its effect being in grain state.
        LongHistogram? latency = null;
        if (options.LatencyDuration > TimeSpan.Zero)
        {
            var events = (int)(options.LatencyRate * options.LatencyDuration.TotalSeconds);
            var before = delivered.Count;
            delivered.StartRecording();
            await Bench.ProduceAsync(broker, Topic, workload.Events(events), options.LatencyRate, CancellationToken.None);
            await delivered.WaitForAsync(before + events, TimeSpan.FromMinutes(2));
            latency = delivered.StopRecording();
        }

        var rssMb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
        var live = GC.GetTotalMemory(forceFullCollection: true) / (1024.0 * 1024.0);
        var committed = GC.GetGCMemoryInfo().TotalCommittedBytes / (1024.0 * 1024.0);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Memory: peak RSS {rssMb:N0} MB; after a full collection, {live:N0} MB of live managed objects, {committed:N0} MB committed by the GC, {Process.GetCurrentProcess().WorkingSet64 / (1024.0 * 1024.0):N0} MB RSS, with {options.Variants:N0} variants' grains active."));
        foreach (var silo in silos)
        {
            await silo.StopAsync();
            await silo.DisposeAsync();
        }

        var p50 = latency?.GetValueAtPercentile(50) / 1000.0 ?? double.NaN;
        var p99 = latency?.GetValueAtPercentile(99) / 1000.0 ?? double.NaN;
        var max = latency is null ? double.NaN : latency.GetMaxValue() / 1000.0;
        Console.WriteLine();
        Console.WriteLine($"| Side | Events/s, median of {options.Rounds} rounds |");
        Console.WriteLine("|---|---|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Baseline (Confluent consumer + dictionary) | {baselineEps:N0} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Pipeline (provider + grains, {options.Storage}, {options.Silos} silo(s)) | {pipelineEps:N0} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Median ratio {ratio:N2}. Latency at {options.LatencyRate:N0}/s offered: p50 {p50:N1} ms, p99 {p99:N1} ms, max {max:N1} ms. Peak RSS {rssMb:N0} MB. Allocated {bytesPerEvent:N0} B/event (whole process, both sides)."));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pipeline_eps={pipelineEps:F0} baseline_eps={baselineEps:F0} ratio={ratio:F3} p99_ms={p99:F1} rss_mb={rssMb:F0}"));
        return 0;
    }

    /// <summary>The first silo, then the others joining it; all in this process, on the same broker and storage.</summary>
    private static async Task<List<WebApplication>> StartPipelineAsync(EmbeddedKafkaBroker broker, E2eOptions options)
    {
        var clusterId = $"bench-{Guid.NewGuid():N}";
        var silos = new List<WebApplication>();
        int? primary = null;
        for (var i = 0; i < options.Silos; i++)
        {
            var siloPort = Bench.FreePort();
            var settings = Bench.SiloSettings(broker, clusterId, siloPort, options.Storage == "postgres" ? options.Postgres : null);
            settings["Urls"] = "http://127.0.0.1:0";
            settings["Orleans:PrimarySiloPort"] = primary?.ToString(CultureInfo.InvariantCulture);
            // Only errors: the figures are the output, and shutting the silo down at the end is noisy.
            settings["Logging:LogLevel:Default"] = "Error";
            settings["Logging:LogLevel:Orleans"] = "Critical";
            settings["Logging:LogLevel:Orleans.Runtime.Silo"] = "Critical";

            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory });
            builder.Configuration.AddInMemoryCollection(settings);
            builder.AddRetailSilo();
            builder.AddRetailApi();
            var app = builder.Build();
            app.MapRetailApi();
            await app.StartAsync();
            silos.Add(app);
            primary ??= siloPort;
        }

        return silos;
    }

    /// <summary>The pipeline must count what the baseline counted, for the busiest variants at least.</summary>
    private static async Task VerifyAsync(WebApplication pipeline, BaselineConsumer baseline)
    {
        var grains = pipeline.Services.GetRequiredService<Orleans.IGrainFactory>();
        foreach (var (variant, count) in baseline.Counts.OrderByDescending(c => c.Value).Take(20))
        {
            var snapshot = await grains.GetGrain<IProductVariantGrain>(variant).GetSnapshotAsync();
            if (snapshot?.Activity.Total != count)
            {
                throw new InvalidOperationException($"Variant {variant}: pipeline counted {snapshot?.Activity.Total}, baseline {count}.");
            }
        }

        Console.WriteLine($"Verified: the 20 busiest variants have the same counts on both sides ({baseline.Counts.Count:N0} variants seen).");
    }

    /// <summary>The service a user would otherwise write: consume, parse, count per variant.</summary>
    private sealed class BaselineConsumer : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Thread _thread;
        private readonly long[] _reachedAt;
        private long _seen;

        /// <summary>
        /// Starts reading every partition from the beginning, up to the last of <paramref name="marks"/>, noting
        /// when it reaches each mark.
        /// </summary>
        public BaselineConsumer(string bootstrap, long[] marks)
        {
            _reachedAt = new long[marks.Length];
            _thread = new Thread(() =>
            {
                using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig { BootstrapServers = bootstrap, GroupId = "baseline", EnableAutoCommit = false })
                    .SetLogHandler((_, _) => { })
                    .Build();
                consumer.Assign(Enumerable.Range(0, 4).Select(p => new TopicPartitionOffset(Topic, p, Offset.Beginning)));
                var mark = 0;
                while (mark < marks.Length && marks[mark] == 0)
                {
                    Volatile.Write(ref _reachedAt[mark++], Stopwatch.GetTimestamp());
                }

                while (!_stop.IsCancellationRequested && mark < marks.Length)
                {
                    var result = consumer.Consume(TimeSpan.FromMilliseconds(100));
                    if (result is null)
                    {
                        continue;
                    }

                    if (ClickstreamJson.TryParse(result.Message.Value, DateTimeOffset.UnixEpoch, SourcePosition.None, out var click, out _))
                    {
                        Counts[click!.VariantId] = Counts.GetValueOrDefault(click.VariantId) + 1;
                    }

                    if (Interlocked.Increment(ref _seen) == marks[mark])
                    {
                        Volatile.Write(ref _reachedAt[mark++], Stopwatch.GetTimestamp());
                    }
                }
            }) { IsBackground = true, Name = "baseline-consumer" };
            _thread.Start();
        }

        /// <summary>Read only once <see cref="WaitForMarkAsync"/> has seen the last mark.</summary>
        public Dictionary<long, long> Counts { get; } = [];

        /// <summary>The <see cref="Stopwatch"/> timestamp at which the consumer reached mark <paramref name="index"/>.</summary>
        public long ReachedAt(int index) => Volatile.Read(ref _reachedAt[index]);

        /// <summary>Completes once the consumer has reached mark <paramref name="index"/>.</summary>
        public async Task WaitForMarkAsync(int index, TimeSpan timeout)
        {
            var clock = Stopwatch.StartNew();
            while (ReachedAt(index) == 0)
            {
                if (clock.Elapsed > timeout)
                {
                    throw new TimeoutException($"The baseline read {Interlocked.Read(ref _seen):N0} records, short of mark {index}, within {timeout}.");
                }

                await Task.Delay(5);
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _thread.Join();
            _stop.Dispose();
        }
    }

    /// <summary>Listens to the variant grains' visibility histogram: how many events are in grain state, and how late.</summary>
    private sealed class DeliveryWatch : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly Lock _lock = new();
        private LongHistogram? _recording;
        private long _count;
        private long _mark = long.MaxValue;
        private long _markReachedAt;

        public DeliveryWatch()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == VariantMetrics.MeterName && instrument.Name == "retail.variant.event.visible_after")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<double>((_, milliseconds, _, _) =>
            {
                // Timestamped here, as the baseline is on its own thread, so neither side is timed by polling.
                if (Interlocked.Increment(ref _count) == Volatile.Read(ref _mark))
                {
                    Volatile.Write(ref _markReachedAt, Stopwatch.GetTimestamp());
                }

                // Only the latency phase records, and only it pays for the lock.
                if (Volatile.Read(ref _recording) is not null)
                {
                    lock (_lock)
                    {
                        _recording?.RecordValue(Math.Max(1, (long)(milliseconds * 1000)));
                    }
                }
            });
            _listener.Start();
        }

        public long Count => Interlocked.Read(ref _count);

        /// <summary>The <see cref="Stopwatch"/> timestamp at which the count reached the last <see cref="SetMark"/>, or 0.</summary>
        public long MarkReachedAt => Volatile.Read(ref _markReachedAt);

        /// <summary>Notes the moment the count reaches <paramref name="count"/>; set it before those events can arrive.</summary>
        public void SetMark(long count)
        {
            Volatile.Write(ref _markReachedAt, 0);
            Volatile.Write(ref _mark, count);
        }

        public void StartRecording()
        {
            lock (_lock)
            {
                _recording = new LongHistogram(TimeSpan.FromMinutes(5).Ticks, 3);
            }
        }

        public LongHistogram StopRecording()
        {
            lock (_lock)
            {
                var histogram = _recording!;
                _recording = null;
                return histogram;
            }
        }

        public async Task WaitForAsync(long count, TimeSpan timeout)
        {
            var clock = Stopwatch.StartNew();
            while (Count < count)
            {
                if (clock.Elapsed > timeout)
                {
                    throw new TimeoutException($"The pipeline acknowledged {Count:N0} of {count:N0} events within {timeout}.");
                }

                await Task.Delay(20);
            }
        }

        public void Dispose() => _listener.Dispose();
    }
}

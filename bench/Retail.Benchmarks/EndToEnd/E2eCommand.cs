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
        Console.WriteLine($"e2e: {options.Events:N0} events over {options.Variants:N0} variants ({options.Skew}), storage {options.Storage}, offered {(options.Rate > 0 ? $"{options.Rate:N0}/s" : "as fast as possible")}");
        using var broker = EmbeddedKafkaBroker.Start();
        broker.CreateTopic(Topic, 4);
        using var delivered = new DeliveryWatch();
        var pipeline = await StartPipelineAsync(broker, options);
        var baseline = new BaselineConsumer(broker.BootstrapServers);
        var workload = new Workload(options.Variants, options.Skew == "zipf");

        // Throughput: both sides read the same records while they are produced.
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        baseline.Start(options.Events);
        await ProduceAsync(broker, workload, options.Events, options.Rate, CancellationToken.None);
        var baselineDone = await baseline.Done.WaitAsync(TimeSpan.FromMinutes(5));
        await delivered.WaitForAsync(options.Events, TimeSpan.FromMinutes(5));
        var pipelineDone = clock.Elapsed;
        var bytesPerEvent = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)options.Events;
        var pipelineEps = options.Events / pipelineDone.TotalSeconds;
        var baselineEps = options.Events / baselineDone.TotalSeconds;
        await VerifyAsync(pipeline, baseline);

        // Latency: a fixed offered load, from the record's produce timestamp to its effect being in grain state.
        LongHistogram? latency = null;
        if (options.LatencyDuration > TimeSpan.Zero)
        {
            var events = (int)(options.LatencyRate * options.LatencyDuration.TotalSeconds);
            var before = delivered.Count;
            delivered.StartRecording();
            await ProduceAsync(broker, workload, events, options.LatencyRate, CancellationToken.None);
            await delivered.WaitForAsync(before + events, TimeSpan.FromMinutes(2));
            latency = delivered.StopRecording();
        }

        var rssMb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
        baseline.Dispose();
        await pipeline.StopAsync();
        await pipeline.DisposeAsync();

        var ratio = pipelineEps / baselineEps;
        var p50 = latency?.GetValueAtPercentile(50) / 1000.0 ?? double.NaN;
        var p99 = latency?.GetValueAtPercentile(99) / 1000.0 ?? double.NaN;
        var max = latency is null ? double.NaN : latency.GetMaxValue() / 1000.0;
        Console.WriteLine();
        Console.WriteLine("| Side | Events/s | Time |");
        Console.WriteLine("|---|---|---|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Baseline (Confluent consumer + dictionary) | {baselineEps:N0} | {baselineDone.TotalSeconds:N2} s |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Pipeline (provider + grains, {options.Storage}) | {pipelineEps:N0} | {pipelineDone.TotalSeconds:N2} s |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Ratio {ratio:N2}. Latency at {options.LatencyRate:N0}/s offered: p50 {p50:N1} ms, p99 {p99:N1} ms, max {max:N1} ms. Peak RSS {rssMb:N0} MB. Allocated {bytesPerEvent:N0} B/event (whole process, both sides)."));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pipeline_eps={pipelineEps:F0} baseline_eps={baselineEps:F0} ratio={ratio:F3} p99_ms={p99:F1} rss_mb={rssMb:F0}"));
        return 0;
    }

    private static async Task<WebApplication> StartPipelineAsync(EmbeddedKafkaBroker broker, E2eOptions options)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory });
        var settings = new Dictionary<string, string?>
        {
            ["Kafka:BootstrapServers"] = broker.BootstrapServers,
            ["Demo:Enabled"] = "false",
            ["Urls"] = "http://127.0.0.1:0",
            ["Orleans:SiloPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
            ["Orleans:AdvertisedHost"] = "127.0.0.1",
            ["Orleans:ClusterId"] = $"bench-{Guid.NewGuid():N}",
            ["Shopify:WebhookSecret"] = "benchmark-key",
            // Only errors: the figures are the output, and shutting the silo down at the end is noisy.
            ["Logging:LogLevel:Default"] = "Error",
            ["Logging:LogLevel:Orleans"] = "Critical",
            ["Logging:LogLevel:Orleans.Runtime.Silo"] = "Critical",
        };
        if (options.Storage == "postgres")
        {
            settings["ConnectionStrings:Postgres"] = options.Postgres;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddRetailSilo();
        builder.AddRetailApi();
        var app = builder.Build();
        app.MapRetailApi();
        await app.StartAsync();
        return app;
    }

    private static async Task ProduceAsync(EmbeddedKafkaBroker broker, Workload workload, int events, double rate, CancellationToken cancellationToken)
    {
        using var producer = new ProducerBuilder<byte[], byte[]>(new ProducerConfig { BootstrapServers = broker.BootstrapServers, LingerMs = 2, BatchSize = 1_000_000 }).Build();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < events; i++)
        {
            if (rate > 0 && i % 50 == 0)
            {
                var due = TimeSpan.FromSeconds(i / rate) - clock.Elapsed;
                if (due > TimeSpan.Zero)
                {
                    await Task.Delay(due, cancellationToken);
                }
            }

            var (key, value) = workload.Next();
            while (true)
            {
                try
                {
                    producer.Produce(Topic, new Message<byte[], byte[]> { Key = key, Value = value, Timestamp = new Timestamp(DateTime.UtcNow) });
                    break;
                }
                catch (ProduceException<byte[], byte[]> ex) when (ex.Error.Code == Confluent.Kafka.ErrorCode.Local_QueueFull)
                {
                    producer.Poll(TimeSpan.FromMilliseconds(5));
                }
            }
        }

        producer.Flush(cancellationToken);
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

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The service a user would otherwise write: consume, parse, count per variant.</summary>
    private sealed class BaselineConsumer(string bootstrap) : IDisposable
    {
        private readonly TaskCompletionSource<TimeSpan> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly CancellationTokenSource _stop = new();
        private Thread? _thread;

        public Dictionary<long, long> Counts { get; } = [];

        public Task<TimeSpan> Done => _done.Task;

        public void Start(int expected)
        {
            var clock = Stopwatch.StartNew();
            _thread = new Thread(() =>
            {
                using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig { BootstrapServers = bootstrap, GroupId = "baseline", EnableAutoCommit = false }).Build();
                consumer.Assign(Enumerable.Range(0, 4).Select(p => new TopicPartitionOffset(Topic, p, Offset.Beginning)));
                var seen = 0;
                while (!_stop.IsCancellationRequested && seen < expected)
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

                    seen++;
                }

                _done.TrySetResult(clock.Elapsed);
            }) { IsBackground = true, Name = "baseline-consumer" };
            _thread.Start();
        }

        public void Dispose()
        {
            _stop.Cancel();
            _thread?.Join();
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
                Interlocked.Increment(ref _count);
                lock (_lock)
                {
                    _recording?.RecordValue(Math.Max(1, (long)(milliseconds * 1000)));
                }
            });
            _listener.Start();
        }

        public long Count => Interlocked.Read(ref _count);

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

using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Retail.Grains.Variants;

namespace Retail.Benchmarks.Probe;

/// <summary>
/// Runs in a silo process (see <see cref="StartupHook"/>): listens to the variant grains' instruments and tells the
/// benchmark, over a line protocol on 127.0.0.1, how many events they have applied, when the last was, and the
/// produce-to-visible latency while asked to record it. The counting is done as events are applied, so the
/// benchmark polls a finished figure and the silo pays a few interlocked operations per event.
/// </summary>
/// <remarks>
/// <c>count</c> answers <c>&lt;sum&gt; &lt;timestamp&gt;</c>, <c>latency-start</c> answers <c>ok</c>, and
/// <c>latency-stop</c> answers <c>&lt;p50&gt; &lt;p99&gt; &lt;max&gt; &lt;n&gt;</c> in milliseconds. Only base class
/// library types: <c>VariantMetrics</c>' names are constants, compiled in, so Retail.Grains is not loaded early.
/// </remarks>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "It listens for as long as the silo process lives.")]
internal sealed class VariantProbe
{
    /// <summary>The environment variable with the probe's TCP port.</summary>
    public const string PortVariable = "RETAIL_BENCH_PROBE_PORT";

    // Not a constant of VariantMetrics, so named here.
    private const string VisibleAfter = "retail.variant.event.visible_after";

    private readonly MeterListener _listener = new();
    private readonly Lock _lock = new();
    private readonly List<double> _latencies = [];
    private long _applied;
    private long _lastTimestamp;
    private bool _recording;

    private VariantProbe()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == VariantMetrics.MeterName && instrument.Name is VariantMetrics.EventsApplied or VisibleAfter)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };

        // The counter is the only long instrument enabled, the histogram the only double one.
        _listener.SetMeasurementEventCallback<long>((_, events, _, _) =>
        {
            // Stopwatch timestamps are CLOCK_MONOTONIC on Linux, so the benchmark's process can compare them with its own.
            // Stamped before the add: whoever sees the sum reach a mark sees a timestamp at least as late as the event
            // that reached it. The maximum, since a thread that stamped earlier may store later.
            var now = Stopwatch.GetTimestamp();
            var last = Volatile.Read(ref _lastTimestamp);
            while (now > last)
            {
                var seen = Interlocked.CompareExchange(ref _lastTimestamp, now, last);
                if (seen == last)
                {
                    break;
                }

                last = seen;
            }

            // A grain may count a whole batch in one add.
            Interlocked.Add(ref _applied, events);
        });
        _listener.SetMeasurementEventCallback<double>((_, milliseconds, _, _) =>
        {
            if (Volatile.Read(ref _recording))
            {
                lock (_lock)
                {
                    _latencies.Add(milliseconds);
                }
            }
        });
        _listener.Start();
    }

    /// <summary>Starts listening to the instruments, and serves the protocol on <paramref name="port"/> from a background thread.</summary>
    public static void Start(int port)
    {
        var probe = new VariantProbe();
        // Bound here, so that a port in use fails the silo's start rather than the benchmark's first question.
        var server = new TcpListener(IPAddress.Loopback, port);
        server.Start();
        new Thread(() => probe.Serve(server)) { IsBackground = true, Name = "bench-probe" }.Start();
    }

    private void Serve(TcpListener server)
    {
        // One connection at a time: the benchmark keeps one open per silo.
        while (true)
        {
            using var client = server.AcceptTcpClient();
            try
            {
                using var stream = client.GetStream();
                using var reader = new StreamReader(stream);
                using var writer = new StreamWriter(stream) { AutoFlush = true, NewLine = "\n" };
                while (reader.ReadLine() is { } command)
                {
                    writer.WriteLine(Answer(command));
                }
            }
            catch (IOException)
            {
                // The benchmark went away; wait for the next one.
            }
        }
    }

    private string Answer(string command)
    {
        switch (command)
        {
            case "count":
                // The sum first: the timestamp read after it is at least that of the event that made it.
                var applied = Interlocked.Read(ref _applied);
                return string.Create(CultureInfo.InvariantCulture, $"{applied} {Volatile.Read(ref _lastTimestamp)}");
            case "latency-start":
                lock (_lock)
                {
                    _latencies.Clear();
                    Volatile.Write(ref _recording, true);
                }

                return "ok";
            case "latency-stop":
                double[] sorted;
                lock (_lock)
                {
                    Volatile.Write(ref _recording, false);
                    sorted = [.. _latencies];
                    _latencies.Clear();
                }

                Array.Sort(sorted);
                return string.Create(CultureInfo.InvariantCulture, $"{Percentile(sorted, 50):R} {Percentile(sorted, 99):R} {(sorted.Length > 0 ? sorted[^1] : double.NaN):R} {sorted.Length}");
            default:
                return $"error unknown command '{command}'";
        }
    }

    // Nearest rank.
    private static double Percentile(double[] sorted, double percent) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Max(0, (int)Math.Ceiling(percent / 100 * sorted.Length) - 1)];
}

using System.Diagnostics;
using System.Globalization;

namespace Retail.Benchmarks.EndToEnd.Baseline;

/// <summary>
/// What a baseline process says on stdout, which <see cref="Sides.RunningBaseline"/> reads: <c>ready</c>, then
/// <c>mark &lt;index&gt; &lt;Stopwatch timestamp&gt;</c> as its count of applied records reaches each mark, and at
/// the end <c>counts ID:COUNT,...</c> and <c>peak_rss_mb &lt;MB&gt;</c>. Not thread-safe: one thread applies records.
/// </summary>
internal sealed class BaselineProtocol(IReadOnlyList<long> marks)
{
    private long _applied;
    private int _next;

    /// <summary>Every mark has been reached.</summary>
    public bool Done => _next == marks.Count;

    public static void Ready() => Console.WriteLine("ready");

    /// <summary>Counts one record the process has applied, and says so if it completes a mark.</summary>
    public void Applied()
    {
        if (!Done && ++_applied == marks[_next])
        {
            // Stopwatch timestamps are CLOCK_MONOTONIC on Linux, so the benchmark can compare them with its own.
            var at = Stopwatch.GetTimestamp();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mark {_next} {at}"));
            _next++;
        }
    }

    /// <summary>The counts of the <paramref name="report"/> variants, as <paramref name="counted"/> gives them, then the peak RSS.</summary>
    public static void End(IEnumerable<long> report, Func<long, long> counted)
    {
        Console.WriteLine($"counts {string.Join(',', report.Select(v => string.Create(CultureInfo.InvariantCulture, $"{v}:{counted(v)}")))}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak_rss_mb {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0):R}"));
    }
}

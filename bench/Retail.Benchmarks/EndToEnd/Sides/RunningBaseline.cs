using System.Globalization;
using Retail.Benchmarks.Processes;

namespace Retail.Benchmarks.EndToEnd.Sides;

/// <summary>
/// A baseline process, <c>baseline</c> or <c>streamiz</c>, and what it has said so far in its
/// <see cref="Baseline.BaselineProtocol"/>: the marks it reached, its counts, its peak RSS.
/// </summary>
internal sealed class RunningBaseline : IRunningSide
{
    private readonly long[] _marks;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<long>[] _reached;
    private readonly TaskCompletionSource<IReadOnlyDictionary<long, long>> _counts = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<double> _peakRssMb = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ChildProcess _process;

    private RunningBaseline(SideSetup setup, string command)
    {
        _marks = [.. setup.Marks];
        _reached = [.. setup.Marks.Select(_ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously))];
        var start = ChildProcess.StartInfo(
            "Retail.Benchmarks",
            command,
            "--bootstrap",
            setup.BootstrapServers,
            "--marks",
            string.Join(',', setup.Marks.Select(m => m.ToString(CultureInfo.InvariantCulture))),
            "--report",
            string.Join(',', setup.Verified.Select(v => v.ToString(CultureInfo.InvariantCulture))));
        _process = ChildProcess.Start(start, $"{command} process", OnLine);
    }

    /// <summary>Starts <c>Retail.Benchmarks <paramref name="command"/></c>; done once it says it is ready to consume.</summary>
    public static async Task<RunningBaseline> StartAsync(SideSetup setup, string command)
    {
        var baseline = new RunningBaseline(setup, command);
        try
        {
            await baseline._process.WaitAsync(baseline._ready.Task, TimeSpan.FromMinutes(1), "ready");
            return baseline;
        }
        catch
        {
            baseline.Dispose();
            throw;
        }
    }

    public Task<long> WaitForAsync(long count, TimeSpan timeout)
    {
        var mark = Array.IndexOf(_marks, count);
        return mark >= 0
            ? _process.WaitAsync(_reached[mark].Task, timeout, $"mark {mark} ({count:N0} records)")
            : throw new ArgumentOutOfRangeException(nameof(count), count, "A baseline process reports only the marks it was started with.");
    }

    public Task<IReadOnlyDictionary<long, long>> CountsAsync() => _process.WaitAsync(_counts.Task, TimeSpan.FromMinutes(1), "counts");

    public Task<double> PeakRssMbAsync() => _process.WaitAsync(_peakRssMb.Task, TimeSpan.FromMinutes(1), "peak RSS");

    public void Dispose() => _process.Dispose();

    private void OnLine(string line)
    {
        var parts = line.Split(' ');
        switch (parts)
        {
            case ["ready"]:
                _ready.TrySetResult();
                break;
            case ["mark", var index, var timestamp]:
                _reached[int.Parse(index, CultureInfo.InvariantCulture)].TrySetResult(long.Parse(timestamp, CultureInfo.InvariantCulture));
                break;
            case ["counts", var counts]:
                _counts.TrySetResult(counts.Split(',', StringSplitOptions.RemoveEmptyEntries)
                    .Select(c => c.Split(':'))
                    .ToDictionary(c => long.Parse(c[0], CultureInfo.InvariantCulture), c => long.Parse(c[1], CultureInfo.InvariantCulture)));
                break;
            case ["peak_rss_mb", var megabytes]:
                _peakRssMb.TrySetResult(double.Parse(megabytes, CultureInfo.InvariantCulture));
                break;
        }
    }
}

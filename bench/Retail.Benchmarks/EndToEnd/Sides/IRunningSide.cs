namespace Retail.Benchmarks.EndToEnd.Sides;

/// <summary>A side's process(es), started on their broker; disposing stops them.</summary>
internal interface IRunningSide : IDisposable
{
    /// <summary>
    /// The <see cref="System.Diagnostics.Stopwatch"/> timestamp, taken by the side, at which it had applied
    /// <paramref name="count"/> records in all: one of <see cref="SideSetup.Marks"/> (sides that report latency
    /// take any count).
    /// </summary>
    Task<long> WaitForAsync(long count, TimeSpan timeout);

    /// <summary>Each of <see cref="SideSetup.Verified"/>'s variants, with the events the side has counted for it.</summary>
    Task<IReadOnlyDictionary<long, long>> CountsAsync();

    /// <summary>Peak RSS, summed over the side's processes.</summary>
    Task<double> PeakRssMbAsync();
}

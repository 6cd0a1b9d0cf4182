using System.Diagnostics;
using Retail.Generators.Output;
using Retail.Generators.Records;

namespace Retail.Generators;

/// <summary>Hands records to a sink on schedule: at a steady rate, or at the times a replay gives.</summary>
public static class Publisher
{
    /// <summary>Schedules <paramref name="records"/> at <paramref name="rate"/> per second; 0 means as fast as possible.</summary>
    public static IEnumerable<(TimeSpan Due, OutboundRecord Record)> AtRate(IEnumerable<OutboundRecord> records, double rate)
    {
        ArgumentNullException.ThrowIfNull(records);
        long index = 0;
        foreach (var record in records)
        {
            yield return (rate > 0 ? TimeSpan.FromSeconds(index++ / rate) : TimeSpan.Zero, record);
        }
    }

    /// <summary>
    /// Sends each record when it is due, counted from now, until <paramref name="count"/> records have gone,
    /// the records run out, or <paramref name="cancellationToken"/> fires. Then flushes the sink.
    /// </summary>
    /// <returns>How many records were handed to the sink.</returns>
    public static async Task<long> RunAsync(ISink sink, IEnumerable<(TimeSpan Due, OutboundRecord Record)> schedule, long? count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(schedule);
        var clock = Stopwatch.StartNew();
        long handed = 0;
        try
        {
            foreach (var (due, record) in schedule)
            {
                if (count is { } limit && handed >= limit)
                {
                    break;
                }

                // Pace against the start, so that short delays do not add up to drift.
                var wait = due - clock.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, cancellationToken);
                }

                await sink.SendAsync(record, cancellationToken);
                handed++;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped by the caller; what was handed over is still flushed below.
        }

        using var flush = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await sink.FlushAsync(flush.Token);
        return handed;
    }
}

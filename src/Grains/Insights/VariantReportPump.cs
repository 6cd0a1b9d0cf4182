using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Retail.Grains.Insights;

/// <summary>Sends the buffered variant summaries to the index shards, in batches, every couple of seconds.</summary>
public sealed partial class VariantReportPump(
    VariantReportBuffer buffer,
    IGrainFactory grains,
    TimeProvider time,
    ILogger<VariantReportPump> logger) : BackgroundService
{
    /// <summary>How often summaries go out.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync();
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    /// <summary>Sends everything buffered now; a shard that fails gets its summaries back for the next round.</summary>
    public async Task FlushAsync()
    {
        foreach (var (shard, summaries) in buffer.Drain())
        {
            try
            {
                await grains.GetGrain<IVariantIndexGrain>(shard).ReportAsync(summaries);
            }
#pragma warning disable CA1031 // The index is best effort; a failed report is retried with the next batch.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogReportFailed(ex, shard, summaries.Length);
                foreach (var summary in summaries)
                {
                    buffer.Report(summary);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reporting {Count} variant summaries to index shard {Shard} failed; retrying next round")]
    private partial void LogReportFailed(Exception ex, int shard, int count);
}

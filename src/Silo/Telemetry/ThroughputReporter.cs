using Retail.Grains.Abstractions.Platform;

namespace Retail.Silo.Telemetry;

/// <summary>Every couple of seconds, tells the cluster-stats grain this silo's events/s and consumer lag.</summary>
public sealed partial class ThroughputReporter(
    ThroughputSampler sampler,
    IGrainFactory grains,
    ILocalSiloDetails silo,
    TimeProvider time,
    ILogger<ThroughputReporter> logger) : BackgroundService
{
    /// <summary>How often the silo reports.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var name = silo.SiloAddress.ToString();
        var lastEvents = sampler.EventsApplied;
        var lastAt = time.GetUtcNow();
        using var timer = new PeriodicTimer(Period, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var events = sampler.EventsApplied;
                var now = time.GetUtcNow();
                var rate = (events - lastEvents) / Math.Max((now - lastAt).TotalSeconds, 0.001);
                (lastEvents, lastAt) = (events, now);
                try
                {
                    await grains.GetGrain<IClusterStatsGrain>(0).ReportAsync(new SiloThroughput(name, rate, sampler.ConsumerLag(), now));
                }
#pragma warning disable CA1031 // The figures are for display; the next report replaces a lost one.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    LogReportFailed(ex);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Reporting throughput to the cluster-stats grain failed; the next report replaces it")]
    private partial void LogReportFailed(Exception ex);
}

using Microsoft.Extensions.Options;
using Retail.Api.Platform;
using Retail.Generators;
using Retail.Generators.Clickstream;
using Retail.Generators.Output;
using Retail.Generators.Shopify;
using Retail.Silo.Hosting;
using Streaming.Kafka;

namespace Retail.Silo.Demo;

/// <summary>
/// Feeds the local run through Kafka like any other producer: seed-style clickstream, and a small Shopify
/// store's product updates, orders and restocks over the same variants, at a quarter of that rate.
/// </summary>
internal sealed partial class DemoTrafficService(
    IOptions<DemoOptions> options,
    IOptions<KafkaTopics> topics,
    KafkaEndpoint kafka,
    PlatformInfo platform,
    ILogger<DemoTrafficService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var demo = options.Value;
        if (!(demo.Enabled ?? kafka.Embedded))
        {
            return;
        }

        // Let the host finish starting before the first event.
        await Task.Yield();
        LogStarting(demo.EventsPerSecond);
        var names = topics.Value;
        await using var sink = new KafkaSink(kafka.BootstrapServers, names.ForStream, message => KafkaLog.Write(logger, message), platform.KafkaClientSettings);
        var clicks = Publisher.RunAsync(sink, Publisher.AtRate(new ClickstreamGenerator(demo.Seed).Records(), demo.EventsPerSecond), count: null, stoppingToken);
        var store = Publisher.RunAsync(sink, Publisher.AtRate(new CatalogGenerator(demo.Seed).Records(), Math.Max(demo.EventsPerSecond / 4, 1)), count: null, stoppingToken);
        await Task.WhenAll(clicks, store);
        LogStopped(sink.Sent, sink.Failed);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo generator on: {Rate} clickstream events/s plus Shopify product updates, orders and restocks. Set Demo:Enabled=false to turn it off.")]
    private partial void LogStarting(double rate);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo generator stopped after {Sent} records ({Failed} failed).")]
    private partial void LogStopped(long sent, long failed);
}

using Confluent.Kafka;
using Microsoft.Extensions.Options;
using Retail.Datagen.Clickstream;
using Retail.Silo.Hosting;

namespace Retail.Silo.Demo;

/// <summary>Feeds the local run with generated clickstream, through Kafka like any other producer.</summary>
internal sealed partial class DemoTrafficService(
    IOptions<DemoOptions> options,
    IOptions<RetailTopics> topics,
    KafkaEndpoint kafka,
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
        LogStarting(demo.EventsPerSecond, topics.Value.Clickstream);
        using var producer = new ProducerBuilder<byte[], byte[]>(new ProducerConfig
        {
            BootstrapServers = kafka.BootstrapServers,
            ClientId = "retail-demo",
            LingerMs = 5,
        }).Build();
        var publisher = new ClickstreamPublisher(producer, topics.Value.Clickstream, new ClickstreamGenerator(demo.Seed));
        await publisher.RunAsync(demo.EventsPerSecond, count: null, stoppingToken);
        LogStopped(publisher.Sent, publisher.Failed);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo generator on: {Rate} clickstream events/s to {Topic}. Set Demo:Enabled=false to turn it off.")]
    private partial void LogStarting(double rate, string topic);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo generator stopped after {Sent} events ({Failed} failed).")]
    private partial void LogStopped(long sent, long failed);
}

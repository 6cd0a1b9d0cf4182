using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Streaming.Kafka.Embedded;

namespace Streaming.Kafka.Tests.Embedded;

public sealed class EmbeddedKafkaBrokerTests
{
    [Fact]
    public async Task The_mock_clusters_own_log_lines_go_to_the_given_logger()
    {
        var logger = new FakeLogger();
        using (var broker = EmbeddedKafkaBroker.Start(logger: logger))
        {
            broker.CreateTopic("logged", 1);
            using var producer = new ProducerBuilder<Null, string>(new ProducerConfig { BootstrapServers = broker.BootstrapServers }).Build();
            await producer.ProduceAsync("logged", new Message<Null, string> { Value = "x" });
        }

        var lines = logger.Collector.GetSnapshot();
        Assert.Contains(lines, l => l.Level == LogLevel.Debug && l.Message.StartsWith("librdkafka MOCK", StringComparison.Ordinal));
    }
}

using System.Net;
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

    [Fact]
    public async Task Advertised_behind_a_forwarder_clients_reach_it_only_through_the_forwarder()
    {
        using var broker = EmbeddedKafkaBroker.Start();
        await using var forwarder = TcpForwarder.Start(new IPEndPoint(IPAddress.Loopback, 0), broker.BootstrapServers);
        broker.Advertise("localhost", forwarder.Endpoint.Port);
        var through = $"localhost:{forwarder.Endpoint.Port}";

        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = through }).Build();
        var advertised = admin.GetMetadata(TimeSpan.FromSeconds(10)).Brokers.Single();
        using var producer = new ProducerBuilder<Null, string>(new ProducerConfig { BootstrapServers = through }).Build();
        await producer.ProduceAsync("forwarded", new Message<Null, string> { Value = "through the forwarder" });
        using var consumer = new ConsumerBuilder<Ignore, string>(new ConsumerConfig { BootstrapServers = through, GroupId = "forwarded", AutoOffsetReset = AutoOffsetReset.Earliest }).Build();
        consumer.Subscribe("forwarded");
        var record = consumer.Consume(TimeSpan.FromSeconds(30));

        Assert.Equal(("localhost", forwarder.Endpoint.Port), (advertised.Host, advertised.Port));
        Assert.Equal("through the forwarder", record?.Message.Value);
    }
}

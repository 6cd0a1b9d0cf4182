using Confluent.Kafka;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Retail.Api.Health;
using Retail.Api.Hosting;
using Retail.Api.Ingest;
using Retail.Api.Platform;
using Retail.Datagen;
using Retail.Generators.Output;
using Retail.Grains.Abstractions;
using Retail.Silo.Hosting;
using Streaming.Kafka.Hosting;

namespace Retail.UnitTests.Platform;

/// <summary>A librdkafka setting given once under Kafka:Client reaches every Kafka client the product creates.</summary>
public sealed class KafkaClientSettingsTests
{
    [Fact]
    public async Task A_client_setting_given_once_reaches_every_client_and_consumer_settings_add_to_it()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kafka:BootstrapServers"] = "broker.example:9093",
            ["Kafka:Client:security.protocol"] = "sasl_ssl",
            ["Kafka:Client:sasl.mechanism"] = "PLAIN",
            ["Kafka:Consumer:fetch.min.bytes"] = "4096",
        });
        builder.AddRetailSilo();
        builder.AddRetailApi();
        await using var app = builder.Build();
        var platform = app.Services.GetRequiredService<PlatformInfo>();
        var streams = app.Services.GetRequiredService<IOptionsMonitor<KafkaStreamOptions>>().Get(StreamNames.Provider);
        Assert.True(GeneratorOptions.TryParse(["clickstream", "--bootstrap", "broker.example:9093", "--kafka", "security.protocol=sasl_ssl", "--kafka", "sasl.mechanism=PLAIN"], out var generator, out _));

        ClientConfig[] clients =
        [
            streams.CreateConsumerConfig("consumer"),
            streams.CreateProducerConfig("producer"),
            streams.CreateAdminConfig(),
            IngestProducer.Config(platform, app.Services.GetRequiredService<IOptions<KafkaWriteOptions>>().Value),
            KafkaHealthCheck.Config(platform),
            KafkaSink.Config(platform.KafkaBootstrapServers, platform.KafkaClientSettings),
            KafkaSink.Config(generator!.BootstrapServers!, generator.KafkaSettings),
        ];

        Assert.All(clients, config => Assert.Equal(
            ("broker.example:9093", "sasl_ssl", "PLAIN"),
            (config.BootstrapServers, config.Get("security.protocol"), config.Get("sasl.mechanism"))));
        Assert.Equal("4096", clients[0].Get("fetch.min.bytes"));
        Assert.Null(clients[1].Get("fetch.min.bytes"));
    }
}

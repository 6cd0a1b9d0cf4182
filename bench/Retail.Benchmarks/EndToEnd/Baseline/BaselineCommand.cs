using System.Text.Json;
using Confluent.Kafka;
using Retail.Benchmarks.Processes;
using Streaming.Kafka.Embedded;

namespace Retail.Benchmarks.EndToEnd.Baseline;

/// <summary>
/// The <c>baseline</c> command: the service a user would write instead of the pipeline. One thread consumes,
/// deserializes each record with System.Text.Json, and counts per variant in a dictionary.
/// </summary>
public static class BaselineCommand
{
    public const string Usage = """
        Usage: Retail.Benchmarks baseline --bootstrap HOST:PORT --marks N,N,... [--report ID,ID,...]
        Started by e2e: the baseline service, alone in its process. One consumer thread reads shopify_clickstream's
        4 partitions from the beginning, parses each record with System.Text.Json and counts per variant. It prints
        'ready' once assigned, then 'mark <index> <Stopwatch timestamp>' as its record count reaches each mark, and
        after the last, 'counts ID:COUNT,...' for the --report variants and 'peak_rss_mb <MB>', and exits.
        """;

    private static readonly JsonSerializerOptions JsonOptions = new();

    public static Task<int> RunAsync(BaselineOptions options)
    {
        var config = new ConsumerConfig { BootstrapServers = options.BootstrapServers, GroupId = "baseline", EnableAutoCommit = false };
        // The broker behaviour the silo's consumers get, so both sides face the same broker.
        foreach (var (key, value) in EmbeddedKafkaBroker.ConsumerSettings)
        {
            config.Set(key, value);
        }

        using IConsumer<byte[]?, byte[]> consumer = new ConsumerBuilder<byte[]?, byte[]>(config).Build();
        // Assigned, not subscribed: no group rebalancing before the first record.
        consumer.Assign(Enumerable.Range(0, BrokerCommand.Partitions).Select(p => new TopicPartitionOffset(BrokerCommand.Topic, p, Offset.Beginning)));
        BaselineProtocol.Ready();

        var protocol = new BaselineProtocol(options.Marks);
        var counts = new Dictionary<long, long>();
        while (!protocol.Done)
        {
            var result = consumer.Consume();
            var click = JsonSerializer.Deserialize<ClickEvent>(result.Message.Value, JsonOptions);
            if (click is not null)
            {
                counts[click.VariantId] = counts.GetValueOrDefault(click.VariantId) + 1;
            }

            protocol.Applied();
        }

        BaselineProtocol.End(options.Report, counts.GetValueOrDefault);
        return Task.FromResult(0);
    }
}

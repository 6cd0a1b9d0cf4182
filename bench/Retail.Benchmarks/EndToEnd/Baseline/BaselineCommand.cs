using System.Diagnostics;
using System.Globalization;
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
        Console.WriteLine("ready");

        var marks = options.Marks.ToArray();
        var counts = new Dictionary<long, long>();
        long seen = 0;
        for (var mark = 0; mark < marks.Length;)
        {
            var result = consumer.Consume();
            var click = JsonSerializer.Deserialize<ClickEvent>(result.Message.Value, JsonOptions);
            if (click is not null)
            {
                counts[click.VariantId] = counts.GetValueOrDefault(click.VariantId) + 1;
            }

            if (++seen == marks[mark])
            {
                // Stopwatch timestamps are CLOCK_MONOTONIC on Linux, so the benchmark can compare them with its own.
                var at = Stopwatch.GetTimestamp();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mark {mark} {at}"));
                mark++;
            }
        }

        Console.WriteLine($"counts {string.Join(',', options.Report.Select(v => string.Create(CultureInfo.InvariantCulture, $"{v}:{counts.GetValueOrDefault(v)}")))}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak_rss_mb {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0):R}"));
        return Task.FromResult(0);
    }
}

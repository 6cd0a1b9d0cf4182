using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Retail.Benchmarks.Processes;
using Streaming.Kafka.Embedded;
using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.SerDes;
using Streamiz.Kafka.Net.State;
using Streamiz.Kafka.Net.Table;

namespace Retail.Benchmarks.EndToEnd.Baseline;

/// <summary>
/// The <c>streamiz</c> command: the baseline's count written with Streamiz.Kafka.Net, Kafka Streams for .NET, as
/// its users write one. One stream thread parses each record with System.Text.Json and counts per variant into
/// an in-memory store.
/// </summary>
public static class StreamizCommand
{
    public const string Usage = """
        Usage: Retail.Benchmarks streamiz --bootstrap HOST:PORT --marks N,N,... [--report ID,ID,...]
        Started by e2e: the baseline's count written with Streamiz.Kafka.Net, alone in its process. One stream
        thread reads shopify_clickstream from the beginning, parses each record with System.Text.Json and counts
        per variant into an in-memory store, without a changelog topic. It prints 'ready' once running, then
        'mark <index> <Stopwatch timestamp>' as its count of records counted reaches each mark, and after the last,
        'counts ID:COUNT,...' from the store for the --report variants and 'peak_rss_mb <MB>', and exits.
        """;

    private const string StoreName = "counts";

    private static readonly JsonSerializerOptions JsonOptions = new();

    public static async Task<int> RunAsync(BaselineOptions options)
    {
        // Warnings and errors only, and on stderr: stdout carries the protocol.
        using var logging = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Warning).AddConsole(c => c.LogToStandardErrorThreshold = LogLevel.Trace));
        var config = new StreamConfig<StringSerDes, ByteArraySerDes>
        {
            ApplicationId = "bench-streamiz",
            BootstrapServers = options.BootstrapServers,
            AutoOffsetReset = Confluent.Kafka.AutoOffsetReset.Earliest,
            NumStreamThreads = 1,
            Logger = logging,
        };
        // The broker behaviour the silo's consumers get, so every side faces the same broker.
        foreach (var (key, value) in EmbeddedKafkaBroker.ConsumerSettings)
        {
            config.AddConfig(config.MainConsumerPrefix(key), value);
        }

        var protocol = new BaselineProtocol(options.Marks);
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var builder = new StreamBuilder();
        builder.Stream<string, byte[]>(BrokerCommand.Topic)
            .MapValues((value, _) => JsonSerializer.Deserialize<ClickEvent>(value, JsonOptions))
            .Filter((_, click, _) => click is not null)
            // Records are keyed by their variant id already, so grouping by key needs no repartition topic, and
            // without logging the store needs no changelog topic: the embedded broker cannot create topics.
            .GroupByKey()
            .Count(InMemory.As<string, long>(StoreName).WithLoggingDisabled())
            .ToStream()
            // Downstream of the count, so a record is counted here once the store has it.
            .Foreach((_, _, _) =>
            {
                protocol.Applied();
                if (protocol.Done)
                {
                    finished.TrySetResult();
                }
            });

        using var stream = new KafkaStream(builder.Build(), config);
        stream.StateChanged += (_, state) =>
        {
            if (state == KafkaStream.State.RUNNING)
            {
                BaselineProtocol.Ready();
            }
            else if (state == KafkaStream.State.ERROR)
            {
                finished.TrySetException(new InvalidOperationException("Streamiz stopped with an error; its log lines come before this."));
            }
        };

        await stream.StartAsync();
        await finished.Task;
        var store = stream.Store(StoreQueryParameters.FromNameAndType(StoreName, QueryableStoreTypes.KeyValueStore<string, long>()));
        // Not store.Get: over a task per partition, it asks the first task whose answer is not null, and a long
        // never is, so it answers 0 for the variants of the other partitions. All() reads every task's.
        var counts = store.All().ToDictionary(c => long.Parse(c.Key, CultureInfo.InvariantCulture), c => c.Value);
        BaselineProtocol.End(options.Report, counts.GetValueOrDefault);
        return 0;
    }
}

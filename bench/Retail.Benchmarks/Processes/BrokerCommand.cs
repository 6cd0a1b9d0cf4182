using Streaming.Kafka.Embedded;

namespace Retail.Benchmarks.Processes;

/// <summary>
/// The <c>broker</c> command, which <see cref="BrokerProcess"/> runs: the embedded broker in a process of its own,
/// with the clickstream topic, until its stdin closes.
/// </summary>
public static class BrokerCommand
{
    public const string Topic = "shopify_clickstream";

    public const int Partitions = 4;

    public const string Usage = """
        Usage: Retail.Benchmarks broker
        Started by e2e: runs the embedded Kafka broker with a 4-partition shopify_clickstream topic, prints
        'bootstrap=HOST:PORT', and stops when its stdin closes.
        """;

    public static Task<int> RunAsync()
    {
        using var broker = EmbeddedKafkaBroker.Start();
        broker.CreateTopic(Topic, Partitions);
        Console.WriteLine($"bootstrap={broker.BootstrapServers}");

        // A benchmark that ends, however it ends, closes the pipe, so the broker never outlives it.
        while (Console.In.ReadLine() is not null)
        {
        }

        return Task.FromResult(0);
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Streaming.Kafka.Providers;

namespace Streaming.Kafka.Tests.Cluster;

/// <summary>What the test grains received, shared by every silo of an in-process cluster.</summary>
public sealed class DeliveryLog
{
    private readonly ConcurrentQueue<Delivery> _deliveries = new();

    public int Count => _deliveries.Count;

    public void Add(string key, KafkaSequenceToken token, string value, long? precedingOffset = null) =>
        _deliveries.Enqueue(new Delivery(key, token, value, precedingOffset));

    public IReadOnlyList<Delivery> Snapshot() => [.. _deliveries];

    /// <summary>Waits until <paramref name="done"/> holds for the deliveries so far, or fails after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<Delivery>> WaitAsync(Func<IReadOnlyList<Delivery>, bool> done, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var snapshot = Snapshot();
            if (done(snapshot))
            {
                return snapshot;
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"Gave up after {timeout} waiting for {what}; {snapshot.Count} deliveries so far.");
            }

            await Task.Delay(25);
        }
    }

    /// <summary>Waits until at least <paramref name="distinct"/> distinct events have arrived.</summary>
    public Task<IReadOnlyList<Delivery>> WaitForDistinctAsync(int distinct, TimeSpan timeout) =>
        WaitAsync(d => d.Select(x => (x.Key, x.Token)).Distinct().Count() >= distinct, timeout, $"{distinct} distinct events");
}

/// <summary>One delivered event; <see cref="PrecedingOffset"/> is what the event's token named.</summary>
public sealed record Delivery(string Key, KafkaSequenceToken Token, string Value, long? PrecedingOffset = null)
{
    public static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}

using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Streaming.Kafka.Embedded;
using Streaming.Kafka.ExactlyOnce;

namespace Streaming.Kafka.Tests.Cluster;

[Trait("Category", "Kafka")]
public sealed class CommitGateTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly EmbeddedKafkaBroker _broker = EmbeddedKafkaBroker.Start();

    public void Dispose() => _broker.Dispose();

    [Fact]
    public async Task Offsets_are_not_committed_while_the_gate_holds_them_back()
    {
        var gate = new ScriptedGate(open: false);
        await using var harness = await ClusterHarness.StartAsync(_broker, gate: gate);

        await ClusterHarness.ProduceAsync(_broker, 400);
        await harness.Log.WaitForDistinctAsync(400, Patience);
        var held = ClusterHarness.CommittedOffsets(_broker);

        gate.Open();
        var end = ClusterHarness.EndOffsets(_broker);
        await harness.Log.WaitAsync(_ => ClusterHarness.CommittedOffsets(_broker).SequenceEqual(end), Patience, "commits after the gate opens");

        Assert.All(held, offset => Assert.True(offset < 0, $"committed {offset} while the gate was closed"));
        Assert.Equal(400, harness.Log.Count);
        // The gate was told which streams it vouches for, with the last token each received.
        var vouched = gate.Allowed.SelectMany(c => c.Delivered.Keys).Select(s => s.GetKeyAsString()).ToHashSet();
        Assert.Equal(40, vouched.Count);
        Assert.All(gate.Allowed, c => Assert.Equal((ClusterHarness.Topic, ClusterHarness.Namespace), (c.Topic, c.StreamNamespace)));
    }

    [Fact]
    public async Task Lost_effects_make_the_partition_deliver_again_with_the_same_tokens()
    {
        var gate = new ScriptedGate(open: false, lossesToReport: 1);
        await using var harness = await ClusterHarness.StartAsync(_broker, gate: gate);

        await ClusterHarness.ProduceAsync(_broker, 400);
        await harness.Log.WaitForDistinctAsync(400, Patience);
        gate.Open();
        var end = ClusterHarness.EndOffsets(_broker);
        await harness.Log.WaitAsync(_ => ClusterHarness.CommittedOffsets(_broker).SequenceEqual(end), Patience, "commits after the redelivery");

        var deliveries = harness.Log.Snapshot();
        var repeated = deliveries.GroupBy(d => d.Token).Where(g => g.Count() > 1).ToList();
        Assert.NotEmpty(repeated);
        // Only the partition whose gate call reported the loss was read again, and each event came back as it was.
        Assert.Single(repeated.Select(g => g.Key.Partition).Distinct());
        Assert.All(repeated, g => Assert.Single(g.Select(d => (d.Key, d.Value)).Distinct()));
        Assert.Equal(Enumerable.Range(0, 400), deliveries.Select(d => int.Parse(d.Value, CultureInfo.InvariantCulture)).Distinct().Order());
    }

    [Fact]
    public async Task The_durable_consumer_gate_finds_a_streams_consumers_through_the_subscription_attributes()
    {
        await using var harness = await ClusterHarness.StartAsync(_broker);
        var consumers = ActivatorUtilities.CreateInstance<ImplicitConsumers>(harness.Cluster.Silos[0].ServiceProvider);

        var expected = harness.Cluster.Client.GetGrain<ICountingGrain>("k7").GetGrainId();
        Assert.Equal([expected], consumers.Of(StreamId.Create(ClusterHarness.Namespace, "k7")));
        Assert.Empty(consumers.Of(StreamId.Create("nobody-subscribes", "k7")));
    }
}

using System.Globalization;
using Streaming.Kafka.Embedded;

namespace Streaming.Kafka.Tests.Cluster;

[Trait("Category", "Kafka")]
public sealed class OutageTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(3);
    private readonly EmbeddedKafkaBroker _broker = EmbeddedKafkaBroker.Start();

    public void Dispose() => _broker.Dispose();

    [Fact]
    public async Task Consumption_resumes_without_loss_after_the_broker_is_down_mid_run()
    {
        await using var harness = await ClusterHarness.StartAsync(_broker);
        await ClusterHarness.ProduceAsync(_broker, 1_000);
        await harness.Log.WaitForDistinctAsync(1_000, Patience);

        _broker.SetBrokerDown();
        // The producer buffers and retries while the broker is away; the outage lasts a fixed time.
        var producing = ClusterHarness.ProduceAsync(_broker, 1_000, first: 1_000);
        await Task.Delay(Outage);
        _broker.SetBrokerUp();
        await producing;

        var deliveries = await harness.Log.WaitForDistinctAsync(2_000, Patience);
        Assert.Equal(Enumerable.Range(0, 2_000), deliveries.Select(d => int.Parse(d.Value, CultureInfo.InvariantCulture)).Distinct().Order());
    }

    [Fact]
    public async Task A_silo_started_while_the_broker_is_down_waits_for_it_and_then_reads()
    {
        await ClusterHarness.ProduceAsync(_broker, 500);
        _broker.SetBrokerDown();

        var starting = ClusterHarness.StartAsync(_broker);
        await Task.Delay(Outage);
        Assert.False(starting.IsCompleted);
        _broker.SetBrokerUp();
        await using var harness = await starting;

        var deliveries = await harness.Log.WaitForDistinctAsync(500, Patience);
        Assert.Equal(Enumerable.Range(0, 500), deliveries.Select(d => int.Parse(d.Value, CultureInfo.InvariantCulture)).Distinct().Order());
    }
}

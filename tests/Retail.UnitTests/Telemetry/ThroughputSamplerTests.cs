using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Retail.Grains.Variants;
using Retail.Silo.Telemetry;

namespace Retail.UnitTests.Telemetry;

public sealed class ThroughputSamplerTests
{
    [Fact]
    public async Task A_sampler_counts_its_own_hosts_events_from_every_thread_and_no_other_hosts()
    {
        using var mine = new ServiceCollection().AddMetrics().AddSingleton<VariantMetrics>().BuildServiceProvider();
        using var other = new ServiceCollection().AddMetrics().AddSingleton<VariantMetrics>().BuildServiceProvider();
        using var sampler = new ThroughputSampler(mine.GetRequiredService<IMeterFactory>());
        var metrics = mine.GetRequiredService<VariantMetrics>();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 2_500; i++)
            {
                metrics.Applied("clickstream");
            }
        })));
        other.GetRequiredService<VariantMetrics>().Applied("clickstream");

        Assert.Equal(10_000, sampler.EventsApplied);
    }
}

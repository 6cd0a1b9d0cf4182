using Retail.Grains.Abstractions.Insights;
using Retail.Grains.Abstractions.Variants;
using Retail.Grains.Insights;

namespace Retail.UnitTests.Insights;

public sealed class VariantReportBufferTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static VariantSummary Summary(long variant, int second, decimal price) =>
        new(variant, VariantCatalog.Empty with { BasePrice = price }, null, DemandRate.None, SellThroughRange.None, ActivityWindow.Empty, Start.AddSeconds(second));

    [Fact]
    public void A_drain_takes_each_slots_latest_summary_once_grouped_by_shard()
    {
        var buffer = new VariantReportBuffer();
        var first = VariantReportBuffer.CreateSlot();
        var second = VariantReportBuffer.CreateSlot();
        buffer.Report(first, Summary(8, 1, 1.00m));
        buffer.Report(first, Summary(8, 2, 2.00m));
        buffer.Report(second, Summary(9, 1, 3.00m));

        var drained = buffer.Drain();

        Assert.Equal(2.00m, Assert.Single(drained[VariantReportBuffer.ShardOf(8)]).Price);
        Assert.Equal(3.00m, Assert.Single(drained[VariantReportBuffer.ShardOf(9)]).Price);
        Assert.Empty(buffer.Drain());
    }

    [Fact]
    public void A_slot_reported_after_a_drain_is_drained_again()
    {
        var buffer = new VariantReportBuffer();
        var slot = VariantReportBuffer.CreateSlot();
        buffer.Report(slot, Summary(8, 1, 1.00m));
        buffer.Drain();

        buffer.Report(slot, Summary(8, 2, 2.00m));

        Assert.Equal(2.00m, buffer.Drain().Values.SelectMany(s => s).Single().Price);
    }

    [Fact]
    public void A_retried_older_summary_loses_to_the_variants_newer_one()
    {
        var buffer = new VariantReportBuffer();
        buffer.Report(VariantReportBuffer.CreateSlot(), Summary(8, 5, 5.00m));
        buffer.Report(Summary(8, 1, 1.00m));

        Assert.Equal(5.00m, buffer.Drain().Values.SelectMany(s => s).Single().Price);
    }

    [Fact]
    public async Task Reports_racing_with_drains_lose_no_variants_latest_summary()
    {
        var buffer = new VariantReportBuffer();
        var slots = Enumerable.Range(0, 64).Select(_ => VariantReportBuffer.CreateSlot()).ToArray();
        var seen = new Dictionary<long, decimal>();

        var reporters = Enumerable.Range(0, 2).Select(t => Task.Run(() =>
        {
            for (var round = 1; round <= 2_000; round++)
            {
                for (var v = t; v < slots.Length; v += 2)
                {
                    buffer.Report(slots[v], Summary(v, round, round));
                }
            }
        })).ToArray();
        var drainer = Task.Run(() =>
        {
            while (!reporters.All(r => r.IsCompleted))
            {
                Collect(buffer.Drain());
            }
        });
        await Task.WhenAll([.. reporters, drainer]);
        Collect(buffer.Drain());

        Assert.Equal(slots.Length, seen.Count);
        Assert.All(seen.Values, price => Assert.Equal(2_000m, price));

        void Collect(IReadOnlyDictionary<int, System.Collections.Immutable.ImmutableArray<VariantSummary>> drained)
        {
            foreach (var summary in drained.Values.SelectMany(s => s))
            {
                seen[summary.VariantId] = summary.Price!.Value;
            }
        }
    }
}

using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Retail.Grains.Abstractions.Events;
using Retail.Grains.Abstractions.Variants;
using Retail.Grains.ExactlyOnce;
using Retail.Grains.Variants;

namespace Retail.UnitTests.Variants;

/// <summary>Variant state saved by earlier versions still reads, with nothing that prevents double counting lost.</summary>
public class StateFormatTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static readonly Serializer Serializer = new ServiceCollection()
        .AddSerializer(b => b.AddAssembly(typeof(ProductVariantState).Assembly).AddAssembly(typeof(StateFormatTests).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    private static readonly PriceDecision Decision = new(7, 20m, null, 18.5m, "demand", "slow", Noon);

    [Fact]
    public void A_state_saved_flat_with_keyed_applied_positions_reads_into_the_grouped_state()
    {
        var saved = new VariantStateAsSavedBefore
        {
            Activity = ActivityCounts.None with { ContentView = 3, AddToCart = 1 },
            UpdatedAt = Noon,
            ProductId = 50,
            ProductTitle = "Shirt",
            VariantTitle = "S",
            Vendor = "Acme",
            Sku = "shirt-s",
            BasePrice = 20m,
            InventoryQuantity = 12,
            OldInventoryQuantity = 14,
            InventoryItemId = 500,
            InventoryAsOf = Noon.AddHours(-1),
            DynamicPrice = 18.5m,
            PriceChangedAt = Noon,
            RecentDecisions = [Decision],
            Applied = ImmutableDictionary<string, SourcePosition>.Empty.Add("clickstream/2", new SourcePosition(2, 41, 0)),
        };

        var read = Serializer.Deserialize<ProductVariantState>(Serializer.SerializeToArray(saved))!;

        Assert.Equal((3, 1), (read.Activity.ContentView, read.Activity.AddToCart));
        Assert.Equal(Noon, read.UpdatedAt);
        Assert.Equal(new VariantCatalog(50, "Shirt", "S", "Acme", "shirt-s", 20m, 500), read.Catalog);
        Assert.Equal(new StockLevel(12, 14, Noon.AddHours(-1)), read.Stock);
        Assert.Equal((18.5m, Noon), (read.DynamicPrice, read.PriceChangedAt));
        Assert.Equal(saved.Applied, read.LegacyApplied);
        var applied = AppliedPositions.Carry(read.Applied, read.LegacyApplied);
        Assert.False(AppliedPositions.TryAdvance(applied, "clickstream", new SourcePosition(2, 41, 0), out _));
        Assert.True(AppliedPositions.TryAdvance(applied, "clickstream", new SourcePosition(2, 42, 0), out _));
    }

    [Fact]
    public void A_variant_seen_only_in_the_clickstream_reads_back_without_catalog_or_stock()
    {
        var state = new ProductVariantState
        {
            UpdatedAt = Noon,
            Applied = [new AppliedPosition("clickstream", new SourcePosition(1, 5, 2))],
        };

        var read = Serializer.Deserialize<ProductVariantState>(Serializer.SerializeToArray(state))!;

        Assert.Equal(Noon, read.UpdatedAt);
        Assert.Null(read.Catalog);
        Assert.Null(read.Stock);
        Assert.Null(read.DynamicPrice);
        Assert.Equal(state.Applied.ToArray(), read.Applied.ToArray());
        Assert.Equal(state.Applied.ToArray(), AppliedPositions.Carry(read.Applied, read.LegacyApplied).ToArray());
    }

    [Fact]
    public void The_saved_form_keeps_its_fields_for_versions_that_read_it_flat()
    {
        var state = new ProductVariantState
        {
            Catalog = new VariantCatalog(50, "Shirt", "S", "Acme", "shirt-s", 20m, 500),
            Stock = new StockLevel(12, 14, Noon),
            RecentDecisions = [Decision],
            Applied = [new AppliedPosition("clickstream", new SourcePosition(1, 5, 2)), new AppliedPosition("variant/updates", new SourcePosition(0, 9, 0))],
        };

        var flat = Serializer.Deserialize<VariantStateAsSavedBefore>(Serializer.SerializeToArray(state))!;

        Assert.Equal((50L, "Shirt", "S", "Acme", "shirt-s"), (flat.ProductId!.Value, flat.ProductTitle, flat.VariantTitle, flat.Vendor, flat.Sku));
        Assert.Equal((20m, 12L, 14L, 500L), (flat.BasePrice!.Value, flat.InventoryQuantity!.Value, flat.OldInventoryQuantity!.Value, flat.InventoryItemId!.Value));
        Assert.Equal((Noon, 18.5m, Noon), (flat.InventoryAsOf!.Value, flat.DynamicPrice!.Value, flat.PriceChangedAt!.Value));
        // A silo of an earlier version, in a rolling upgrade or after a rollback, still knows what was applied.
        Assert.Equal(new SourcePosition(1, 5, 2), flat.Applied["clickstream/1"]);
        Assert.Equal(new SourcePosition(0, 9, 0), flat.Applied["variant/updates/0"]);
    }
}

/// <summary>
/// <see cref="ProductVariantState"/> as versions before the grouped state declared it, with applied positions
/// still in a dictionary (the windows, sales and forecast are left out: their form did not change).
/// </summary>
[GenerateSerializer]
public sealed record VariantStateAsSavedBefore
{
    [Id(0)] public ActivityCounts Activity { get; init; } = ActivityCounts.None;
    [Id(1)] public DateTimeOffset? UpdatedAt { get; init; }
    [Id(2)] public long? ProductId { get; init; }
    [Id(3)] public string? ProductTitle { get; init; }
    [Id(4)] public string? VariantTitle { get; init; }
    [Id(5)] public string? Vendor { get; init; }
    [Id(6)] public string? Sku { get; init; }
    [Id(7)] public decimal? BasePrice { get; init; }
    [Id(8)] public long? InventoryQuantity { get; init; }
    [Id(9)] public long? OldInventoryQuantity { get; init; }
    [Id(10)] public long? InventoryItemId { get; init; }
    [Id(11)] public DateTimeOffset? InventoryAsOf { get; init; }
    [Id(16)] public decimal? DynamicPrice { get; init; }
    [Id(17)] public DateTimeOffset? PriceChangedAt { get; init; }
    [Id(18)] public ImmutableList<PriceDecision> RecentDecisions { get; init; } = [];
    [Id(20)] public ImmutableDictionary<string, SourcePosition> Applied { get; init; } = ImmutableDictionary<string, SourcePosition>.Empty;
}

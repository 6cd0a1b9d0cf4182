using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Retail.Grains.Abstractions.Events;
using Retail.Grains.Abstractions.Variants;
using Retail.Grains.Inventory;
using Retail.Grains.Products;
using Retail.Grains.Variants;
using Streaming.Kafka.ExactlyOnce;

namespace Retail.UnitTests.Variants;

/// <summary>State written by this version reads back whole, through the serializer grain storage uses.</summary>
public class StateFormatTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static readonly Serializer Serializer = new ServiceCollection()
        .AddSerializer(b => b.AddAssembly(typeof(ProductVariantState).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    private static T RoundTrip<T>(T state) => Serializer.Deserialize<T>(Serializer.SerializeToArray(state))!;

    [Fact]
    public void A_variant_with_every_field_set_reads_back_equal()
    {
        var state = new ProductVariantState
        {
            Activity = ActivityCounts.None with { ContentView = 3, AddToCart = 1 },
            UpdatedAt = Noon,
            Catalog = new VariantCatalog(50, "Shirt", "S", "Acme", "shirt-s", 20m, 500),
            Stock = new StockLevel(12, 14, Noon.AddHours(-1)),
            Views = new ActivityWindow(Noon.ToUnixTimeSeconds() / 60, [new MinuteCount((int)(Noon.ToUnixTimeSeconds() / 60), 3)]),
            Purchases = new ActivityWindow(Noon.ToUnixTimeSeconds() / 60, [new MinuteCount((int)(Noon.ToUnixTimeSeconds() / 60), 1)]),
            RecentDecisions = [new PriceDecision(7, 20m, null, 18.5m, "demand", "slow", Noon)],
            Sales = SalesSignals.None with { Orders = new DemandHistory(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 24), 3, 14, 0.6, 1.2, 1.9) },
            PublishedForecast = new SellThroughForecast(
                7, 12, 1.5, 8, DateOnly.FromDateTime(Noon.AddDays(8).UtcDateTime), Noon,
                new SellThroughRange(new DateOnly(2026, 11, 29), DateOnly.FromDateTime(Noon.AddDays(8).UtcDateTime), new DateOnly(2026, 12, 9), 8),
                new DemandRate(1.5, 2.5, 0.3)),
            Applied = [new KafkaPosition("shopify_clickstream", 2, 41, 0), new KafkaPosition("plf_products_update", 0, 9, 0)],
        };

        var read = RoundTrip(state);

        Assert.Equal((3L, 1L, 0L, 4L), (read.Activity.ContentView, read.Activity.AddToCart, read.Activity.Purchase, read.Activity.Total));
        Assert.Equal((state.UpdatedAt, state.Catalog, state.Stock), (read.UpdatedAt, read.Catalog, read.Stock));
        Assert.Equal(state.Views.Counts.ToArray(), read.Views.Counts.ToArray());
        Assert.Equal(state.Purchases.Counts.ToArray(), read.Purchases.Counts.ToArray());
        Assert.Equal((state.Sales, state.PublishedForecast), (read.Sales, read.PublishedForecast));
        Assert.Equal(state.RecentDecisions, read.RecentDecisions);
        Assert.Equal(state.Applied.ToArray(), read.Applied.ToArray());
        Assert.Equal((18.5m, Noon), (read.DynamicPrice, read.PriceChangedAt));
    }

    [Fact]
    public void A_variant_seen_only_in_the_clickstream_reads_back_without_catalog_or_stock()
    {
        var state = new ProductVariantState
        {
            UpdatedAt = Noon,
            Applied = [new KafkaPosition("shopify_clickstream", 1, 5, 2)],
        };

        var read = RoundTrip(state);

        Assert.Equal(Noon, read.UpdatedAt);
        Assert.Null(read.Catalog);
        Assert.Null(read.Stock);
        Assert.Null(read.DynamicPrice);
        Assert.Equal(state.Applied.ToArray(), read.Applied.ToArray());
    }

    [Fact]
    public void Product_and_inventory_item_states_read_back_with_their_positions()
    {
        var product = new ProductState { Title = "Shirt", Vendor = "Acme", VariantIds = [1, 2], UpdatedAt = Noon, Applied = [new KafkaPosition("plf_products_update", 1, 4, 0)] };
        var item = new InventoryItemState { Pending = true, Applied = [new KafkaPosition("plf_inventory_levels_update", 0, 3, 0)] };

        var readProduct = RoundTrip(product);
        var readItem = RoundTrip(item);

        Assert.Equal((product.Title, product.Vendor, product.UpdatedAt), (readProduct.Title, readProduct.Vendor, readProduct.UpdatedAt));
        Assert.Equal(product.VariantIds.ToArray(), readProduct.VariantIds.ToArray());
        Assert.Equal(product.Applied.ToArray(), readProduct.Applied.ToArray());
        Assert.True(readItem.Pending);
        Assert.Equal(item.Applied.ToArray(), readItem.Applied.ToArray());
    }
}

using Retail.Generators.Records;
using Retail.Generators.Replay;
using Retail.Generators.Truth;
using Retail.Silo.Mapping;

namespace Retail.UnitTests.Datagen;

public class UciReplayTests
{
    private static readonly DateTimeOffset ReplayStart = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static readonly UciLine[] Lines =
    [
        UciLine.Parse("536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom"),
        UciLine.Parse("536365,71053,WHITE METAL LANTERN,6,2010-12-01 08:26:00,3.39,17850.0,United Kingdom"),
        UciLine.Parse("536366,85123A,WHITE HANGING HEART T-LIGHT HOLDER,4,2010-12-01 09:00:00,2.55,17851.0,United Kingdom"),
        UciLine.Parse("C536379,85123A,WHITE HANGING HEART T-LIGHT HOLDER,-3,2010-12-01 09:41:00,2.55,14527.0,United Kingdom"),
        UciLine.Parse("536380,22086,\"PAPER CHAIN KIT, 50'S CHRISTMAS\",2,2010-12-01 10:26:00,2.95,,France"),
    ];

    [Fact]
    public void Parses_quoted_descriptions_and_empty_customers()
    {
        Assert.Equal(new UciLine("536380", "22086", "PAPER CHAIN KIT, 50'S CHRISTMAS", 2, new DateTime(2010, 12, 1, 10, 26, 0, DateTimeKind.Utc), 2.95m), Lines[4]);
        Assert.True(Lines[3].IsCancellation);
    }

    [Fact]
    public void Cancellations_are_returns_not_orders()
    {
        var truth = new GroundTruth();
        var records = new UciReplay(Lines, ReplayStart, startingStock: 100, truth).Records().ToList();

        var orders = records.Where(r => r.Record.Stream == Streams.OrdersCreate)
            .Select(r => ShopifyJson.ReadOrder(r.Record.Value, ReplayStart))
            .ToList();
        Assert.Equal([536365L, 536366, 536380], orders.Select(o => o[0].OrderId));
        Assert.Equal([6L, 6, 4, 2], orders.SelectMany(o => o).Select(s => s.Quantity));

        var heart = UciReplay.VariantIdOf("85123A");
        var heartItem = UciReplay.InventoryItemIdOf("85123A");
        var heartLevels = records.Where(r => r.Record.Stream == Streams.InventoryLevelsUpdate)
            .Select(r => ShopifyJson.ReadInventoryLevel(r.Record.Value, ReplayStart))
            .Where(l => l.InventoryItemId == heartItem)
            .Select(l => l.Available);
        // 100 - 6 - 4, then the cancelled 3 come back.
        Assert.Equal([94L, 90, 93], heartLevels);

        var expected = truth.Snapshot()[heart];
        Assert.Equal((10L, 3L, 93L), (expected.UnitsOrdered, expected.UnitsReturned, expected.InventoryQuantity!.Value));
    }

    [Fact]
    public void Announces_each_sku_first_and_keeps_the_original_spacing_ending_at_the_replay_start()
    {
        var records = new UciReplay(Lines, ReplayStart).Records().ToList();

        Assert.Equal(3, records.TakeWhile(r => r.Record.Stream == Streams.ProductsUpdate).Count());
        var product = ShopifyJson.ReadProductUpdate(records[0].Record.Value, ReplayStart);
        Assert.Equal(("WHITE HANGING HEART T-LIGHT HOLDER", 2.55m, UciReplay.VariantIdOf("85123A")), (product.Product.Title, product.Variants[0].Price!.Value, product.Variants[0].VariantId));
        Assert.Equal(TimeSpan.FromHours(2), records[^1].At);
        var last = ShopifyJson.ReadInventoryLevel(records[^1].Record.Value, ReplayStart);
        Assert.Equal(ReplayStart, last.UpdatedAt);
    }

    [Fact]
    public void The_bundled_days_replay_without_error()
    {
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "data", "uci-online-retail"), "*.csv");

        var lines = UciReplay.Load(files);
        var records = new UciReplay(lines, ReplayStart).Records().ToList();

        Assert.Equal(7_419, lines.Count);
        Assert.Equal(84, lines.Count(l => l.IsCancellation));
        Assert.Equal(lines.Select(l => l.StockCode).Distinct().Count(), records.Count(r => r.Record.Stream == Streams.ProductsUpdate));
    }
}

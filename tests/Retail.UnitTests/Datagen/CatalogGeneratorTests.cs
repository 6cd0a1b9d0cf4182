using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Retail.Generators.Clickstream;
using Retail.Generators.Records;
using Retail.Generators.Shopify;
using Retail.Generators.Truth;
using Retail.Silo.Mapping;

namespace Retail.UnitTests.Datagen;

public class CatalogGeneratorTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    private static List<OutboundRecord> Generate(int seed, int count, GroundTruth? truth = null) =>
        [.. new CatalogGenerator(seed, new FakeTimeProvider(Start), truth).Records().Take(count)];

    [Fact]
    public void The_same_seed_gives_the_same_records()
    {
        Assert.Equal(
            Generate(11, 300).Select(r => (r.Stream, r.Key, Encoding.UTF8.GetString(r.Value))),
            Generate(11, 300).Select(r => (r.Stream, r.Key, Encoding.UTF8.GetString(r.Value))));
        Assert.NotEqual(
            Generate(11, 300).Select(r => Encoding.UTF8.GetString(r.Value)),
            Generate(12, 300).Select(r => Encoding.UTF8.GetString(r.Value)));
    }

    [Fact]
    public void Starts_with_the_catalog_over_the_clickstream_variants()
    {
        var catalog = Generate(1, 5);

        Assert.All(catalog, r => Assert.Equal(Streams.ProductsUpdate, r.Stream));
        var variants = catalog.SelectMany(r => ShopifyJson.ReadProductUpdate(r.Value, Start).Variants).ToList();
        Assert.Equal(ClickstreamGenerator.VariantIds.Order(), variants.Select(v => v.VariantId).Order());
        Assert.All(variants, v => Assert.True(v.Price > 0 && v.InventoryQuantity >= 20 && v.InventoryItemId is not null));
    }

    [Fact]
    public void Every_record_is_readable_by_the_platform_and_the_truth_adds_up()
    {
        var truth = new GroundTruth();
        var records = Generate(3, 2_000, truth);
        var ordered = new Dictionary<long, long>();
        var lastQuantity = new Dictionary<long, long>();
        var itemToVariant = new Dictionary<long, long>();

        foreach (var record in records)
        {
            switch (record.Stream)
            {
                case Streams.ProductsUpdate:
                    foreach (var variant in ShopifyJson.ReadProductUpdate(record.Value, Start).Variants)
                    {
                        lastQuantity[variant.VariantId] = variant.InventoryQuantity!.Value;
                        itemToVariant[variant.InventoryItemId!.Value] = variant.VariantId;
                    }

                    break;
                case Streams.OrdersCreate:
                    foreach (var sale in ShopifyJson.ReadOrder(record.Value, Start))
                    {
                        ordered[sale.VariantId] = ordered.GetValueOrDefault(sale.VariantId) + sale.Quantity;
                    }

                    break;
                case Streams.InventoryLevelsUpdate:
                    var level = ShopifyJson.ReadInventoryLevel(record.Value, Start);
                    lastQuantity[itemToVariant[level.InventoryItemId]] = level.Available;
                    break;
            }
        }

        var expected = truth.Snapshot();
        Assert.Equal(17, expected.Count);
        Assert.All(expected, v => Assert.Equal(lastQuantity[v.Key], v.Value.InventoryQuantity));
        Assert.All(expected, v => Assert.Equal(ordered.GetValueOrDefault(v.Key), v.Value.UnitsOrdered));
        Assert.True(ordered.Values.Sum() > 100);
    }

    [Fact]
    public void Orders_are_followed_by_the_product_update_that_lowers_the_stock()
    {
        var records = Generate(4, 200);
        var orderIndex = records.FindIndex(r => r.Stream == Streams.OrdersCreate);
        var sale = ShopifyJson.ReadOrder(records[orderIndex].Value, Start).Single();
        var update = ShopifyJson.ReadProductUpdate(records[orderIndex + 1].Value, Start).Variants.Single(v => v.VariantId == sale.VariantId);

        Assert.Equal(update.OldInventoryQuantity - sale.Quantity, update.InventoryQuantity);
        using var body = JsonDocument.Parse(records[orderIndex].Value);
        Assert.Equal(records[orderIndex].Key, body.RootElement.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

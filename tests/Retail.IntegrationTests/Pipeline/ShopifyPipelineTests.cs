using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Retail.Grains.Abstractions.Insights;
using Retail.Grains.Abstractions.Inventory;
using Retail.Grains.Abstractions.Variants;
using Retail.IntegrationTests.Infrastructure;

namespace Retail.IntegrationTests.Pipeline;

/// <summary>Shopify webhook bodies in Kafka reach the variant and product grains, and decisions come out.</summary>
[Collection(SiloGroup.Name)]
[Trait("Category", "Kafka")]
public sealed class ShopifyPipelineTests(SiloFactory silo)
{
    private const string Products = "plf_products_update";
    private const string Orders = "plf_orders_create";
    private const string Levels = "plf_inventory_levels_update";

    // Shopify's own example: 18-digit ids, above 2^53.
    private const long ShirtProduct = 788032119674292922;
    private const long SmallShirt = 642667041472713922;
    private const long MediumShirt = 757650484644203962;

    [Fact]
    public async Task Shopifys_products_update_example_raw_and_wrapped_reaches_both_variants_exactly()
    {
        var body = Fixture.Shopify("products_update.example-tshirt.json");
        using var producer = Kafka.Producer(silo.BootstrapServers);
        await producer.SendAsync(Products, ShirtProduct.ToString(CultureInfo.InvariantCulture), body);
        await producer.SendAsync(Products, ShirtProduct.ToString(CultureInfo.InvariantCulture), $$"""{"payload":{{body}}}""");
        var http = silo.CreateClient();

        var small = await http.WaitForVariantAsync(SmallShirt, v => v.Price is not null, "the product update");
        var medium = await http.WaitForVariantAsync(MediumShirt, v => v.Price is not null, "the product update");
        var product = await Eventually.GetAsync(
            () => http.GetFromJsonAsync<JsonElement>(new Uri($"/api/products/{ShirtProduct}", UriKind.Relative)),
            p => p.GetProperty("variants").GetArrayLength() == 2,
            ApiReads.Patience,
            "the product with both variants");

        Assert.Equal((SmallShirt, ShirtProduct, "example-shirt-s", 19.99m, 75L), (small.VariantId, small.ProductId!.Value, small.Sku, small.Price!.Value, small.InventoryQuantity!.Value));
        Assert.Equal((MediumShirt, ShirtProduct, "example-shirt-m", 19.99m, 50L), (medium.VariantId, medium.ProductId!.Value, medium.Sku, medium.Price!.Value, medium.InventoryQuantity!.Value));
        Assert.Equal(("Example T-Shirt", "Acme"), (small.Title, small.Vendor));
        Assert.Equal(19.99m, small.DynamicPrice);
        // The ids survive the JSON of the API exactly, as written.
        var raw = await http.GetStringAsync(new Uri($"/api/variants/{SmallShirt}", UriKind.Relative));
        Assert.Contains("\"variantId\":642667041472713922", raw, StringComparison.Ordinal);
        Assert.Contains("\"productId\":788032119674292922", raw, StringComparison.Ordinal);
        Assert.Equal([SmallShirt, MediumShirt], product.GetProperty("variants").EnumerateArray().Select(v => v.GetProperty("variantId").GetInt64()));
        Assert.Equal("Example T-Shirt", product.GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_first_price_decision_is_published_to_the_dynamic_prices_topic()
    {
        const long variant = 61000000000001;
        using var producer = Kafka.Producer(silo.BootstrapServers);
        await producer.SendAsync(Products, "61", Records.ProductUpdate(61, "Mug", (variant, "12.50", 30, null)));

        var record = Kafka.Find(silo.BootstrapServers, "retail_dynamic_prices", r => Encoding.UTF8.GetString(r.Message.Key) == variant.ToString(CultureInfo.InvariantCulture), ApiReads.Patience);
        var decision = JsonSerializer.Deserialize<PriceDecision>(record.Message.Value, JsonSerializerOptions.Web)!;

        Assert.Equal((variant, 12.50m, 12.50m, "default"), (decision.VariantId, decision.BasePrice, decision.NewPrice, decision.Policy));
        Assert.Null(decision.OldPrice);
        var history = await silo.CreateClient().GetFromJsonAsync<PriceDecision[]>(new Uri($"/api/variants/{variant}/price-history", UriKind.Relative));
        Assert.Equal([decision], history!);
    }

    [Fact]
    public async Task An_order_moves_sales_velocity_and_gives_a_sell_through_date()
    {
        // The orders/create example, its two line items pointed at variants of this test alone, stocked first.
        const long first = 64000000000001;
        const long second = 64000000000002;
        using var producer = Kafka.Producer(silo.BootstrapServers);
        await producer.SendAsync(Products, "9313716535612", Records.ProductUpdate(9313716535612, "Ordered", (first, "30.00", 20, null), (second, "40.00", 0, null)));
        var http = silo.CreateClient();
        await http.WaitForVariantAsync(first, v => v.InventoryQuantity == 20, "stock");
        var before = await http.WaitForVariantAsync(second, v => v.InventoryQuantity == 0, "stock");
        Assert.Equal(0, before.SalesVelocityPerDay);
        Assert.Null((await http.VariantAsync(first))!.SellThroughDate);

        // Velocity follows the order's own time, and the example is from 2024; make it today's order.
        var order = JsonNode.Parse(Fixture.Shopify("orders_create.example.json"))!;
        order["created_at"] = DateTimeOffset.UtcNow.ToString("o", CultureInfo.InvariantCulture);
        order["line_items"]![0]!["variant_id"] = first;
        order["line_items"]![1]!["variant_id"] = second;
        await producer.SendAsync(Orders, "820982911946154508", order.ToJsonString());
        var after = await http.WaitForVariantAsync(first, v => v.SalesVelocityPerDay > 0, "velocity");

        // One unit on the variant's first day, against a prior of one day in ten selling 10 units (worth three
        // days and one selling day): a day in three sells, about 7.9 units, so 2.56 a day.
        Assert.InRange(after.SalesVelocityPerDay, 2.5, 2.62);
        var range = after.SellThrough;
        Assert.Equal(after.DaysOfInventory, range.DaysOfInventoryP50);
        Assert.Equal(after.SellThroughDate, range.P50Date);
        // 20 on hand at 2.56 a day is 7.8 days on average; on one sale's evidence most of the odds are on a few
        // big days, so the median sell-out comes later.
        Assert.InRange(after.DaysOfInventory!.Value, 12, 14.5);
        Assert.True(range.P10Date < range.P50Date && range.P50Date < range.P90Date, $"{range}");
        Assert.True(after.SellThroughDate > DateOnly.FromDateTime(DateTime.UtcNow.AddDays(2)));
        var forecast = Kafka.Find(silo.BootstrapServers, "retail_sell_through", r => Encoding.UTF8.GetString(r.Message.Key) == first.ToString(CultureInfo.InvariantCulture)
            && JsonSerializer.Deserialize<SellThroughForecast>(r.Message.Value, JsonSerializerOptions.Web)!.SellThroughDate is not null, ApiReads.Patience);
        var published = JsonSerializer.Deserialize<SellThroughForecast>(forecast.Message.Value, JsonSerializerOptions.Web)!;
        Assert.Equal(20, published.Quantity);
        Assert.Equal(published.SellThroughDate, published.SellThrough.P50Date);
        Assert.True(published.SellThrough.P10Date <= published.SellThrough.P50Date && published.SellThrough.P50Date <= published.SellThrough.P90Date, $"{published.SellThrough}");
        var soldOut = await http.WaitForVariantAsync(second, v => v.SalesVelocityPerDay > 0, "velocity");
        Assert.Equal(0, soldOut.DaysOfInventory);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.InRange(soldOut.SellThrough.P10Date!.Value, today.AddDays(-1), today);
        Assert.Equal(soldOut.SellThrough.P10Date, soldOut.SellThrough.P90Date);

        // Within 30 days the sold-out variant is certain and the other more likely than not (its median is 13
        // days), so both are listed, likeliest first.
        var risk = (await Eventually.GetAsync(
            () => http.GetFromJsonAsync<StockRiskVariant[]>(new Uri("/api/stock-risk?days=30", UriKind.Relative)),
            r => r!.Any(v => v.VariantId == first) && r!.Any(v => v.VariantId == second),
            ApiReads.Patience,
            "both variants at risk"))!;
        var (likely, certain) = (risk.Single(v => v.VariantId == first), risk.Single(v => v.VariantId == second));
        Assert.Equal(1, certain.SellOutProbability);
        Assert.InRange(likely.SellOutProbability, 0.6, 0.99);
        // The same range as the variant's own, whose days the API rounds to two decimals.
        Assert.Equal(after.SellThrough, likely.SellThrough with { DaysOfInventoryP50 = Math.Round(likely.SellThrough.DaysOfInventoryP50!.Value, 2) });
        Assert.True(Array.IndexOf(risk, certain) < Array.IndexOf(risk, likely));
        Assert.Equal(risk.Select(v => v.SellOutProbability).OrderDescending(), risk.Select(v => v.SellOutProbability));
        // Within 2 days the first is less than one chance in ten, so it is not listed.
        var soon = await http.GetFromJsonAsync<StockRiskVariant[]>(new Uri("/api/stock-risk?days=2", UriKind.Relative));
        Assert.DoesNotContain(soon!, v => v.VariantId == first);
        Assert.Contains(soon!, v => v.VariantId == second);
    }

    [Fact]
    public async Task An_inventory_level_that_arrives_before_its_mapping_is_kept_and_applied_once_known()
    {
        const long variant = 62000000000002;
        const long item = 808950810;
        using var producer = Kafka.Producer(silo.BootstrapServers);
        var grains = silo.Services.GetRequiredService<Orleans.IClusterClient>();

        await producer.SendAsync(Levels, item.ToString(CultureInfo.InvariantCulture), Fixture.Shopify("inventory_levels_update.example.json"));
        var held = await Eventually.GetAsync(() => grains.GetGrain<IInventoryItemGrain>(item).GetAvailableAsync(), a => a is not null, ApiReads.Patience, "the held level");
        Assert.Equal(42, held);
        Assert.Null(await grains.GetGrain<IInventoryItemGrain>(item).GetVariantAsync());

        // The update is older (2021) than the level (2022), so the level's 42 wins over its 10.
        await producer.SendAsync(Products, "62", Records.ProductUpdate(62, "Stocked", (variant, "5.00", 10, item)));
        var stocked = await silo.CreateClient().WaitForVariantAsync(variant, v => v.InventoryQuantity == 42, "the held level");

        Assert.Equal(item, stocked.InventoryItemId);
        Assert.Equal(variant, await grains.GetGrain<IInventoryItemGrain>(item).GetVariantAsync());
    }

    [Fact]
    public async Task Trending_lists_the_most_viewed_variants()
    {
        const long hot = 63000000000001;
        const long warm = 63000000000002;
        using var producer = Kafka.Producer(silo.BootstrapServers);
        var writes = Enumerable.Range(0, 60).Select(i => producer.SendAsync("shopify_clickstream", null,
            $$"""{"user_id":1,"product_variant_id":{{(i < 40 ? hot : warm)}},"activity":"contentView"}"""));
        await Task.WhenAll(writes);
        var http = silo.CreateClient();

        var trending = await Eventually.GetAsync(
            () => http.GetFromJsonAsync<TrendingVariant[]>(new Uri("/api/trending?limit=100", UriKind.Relative)),
            t => t!.Any(v => v.VariantId == hot && v.RecentViews >= 40) && t!.Any(v => v.VariantId == warm && v.RecentViews >= 20),
            ApiReads.Patience,
            "both variants trending");

        var ours = trending!.Where(v => v.VariantId is hot or warm).ToList();
        Assert.Equal([(hot, 40L), (warm, 20L)], ours.Select(v => (v.VariantId, v.RecentViews)));
        Assert.Equal(trending!.OrderByDescending(v => v.RecentViews).Select(v => v.VariantId), trending!.Select(v => v.VariantId));
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using Retail.IntegrationTests.Infrastructure;

namespace Retail.IntegrationTests.Pipeline;

/// <summary>
/// The seed pipeline's results, reproduced: clickstream counted per variant (content views only for the
/// seed's ACTIVITY_COUNT), joined with product updates, priced by the seed rule. Expected values are worked
/// out by hand below.
/// </summary>
[Trait("Category", "Kafka")]
public sealed class SeedScenarioTests
{
    private const long Hoodie = 71000000000001;   // base 10.00
    private const long Cap = 71000000000002;      // base 20.00
    private const long Socks = 71000000000003;    // base 20.00, never viewed
    private static string Update(long product, params (long Id, string Price)[] variants) =>
        new JsonObject
        {
            // The seed connector's envelope, as ksqlDB reads it.
            ["payload"] = new JsonObject
            {
                ["id"] = product,
                ["title"] = "Seed product",
                ["vendor"] = "Seed",
                ["variants"] = new JsonArray([.. variants.Select(v => (JsonNode)new JsonObject
                {
                    ["id"] = v.Id,
                    ["product_id"] = product,
                    ["price"] = v.Price,
                    ["inventory_quantity"] = 10,
                    ["old_inventory_quantity"] = 10,
                    ["sku"] = $"seed-{v.Id}",
                })]),
            },
        }.ToJsonString();

    [Fact]
    public async Task Counts_and_seed_prices_match_the_seed_pipeline()
    {
        await using var silo = new SeedPolicySilo();
        using var producer = Kafka.Producer(silo.BootstrapServers);
        var http = silo.CreateClient();

        // Step 1: clickstream. Hoodie: 3 views, 2 add-to-carts, 1 purchase. Cap: 4 views.
        string[] hoodieActivity = ["contentView", "addToCart", "contentView", "purchase", "addToCart", "contentView"];
        foreach (var activity in hoodieActivity)
        {
            await producer.SendAsync("shopify_clickstream", Hoodie.ToString(CultureInfo.InvariantCulture), Records.Click(Hoodie, activity));
        }

        for (var i = 0; i < 4; i++)
        {
            await producer.SendAsync("shopify_clickstream", Cap.ToString(CultureInfo.InvariantCulture), Records.Click(Cap, "contentView"));
        }

        await http.WaitForVariantAsync(Hoodie, v => v.Activity.Total == 6, "its clickstream");
        await http.WaitForVariantAsync(Cap, v => v.Activity.Total == 4, "its clickstream");

        // Step 2: the product update that the seed's join would emit on.
        await producer.SendAsync("plf_products_update", "7100", Update(7100, (Hoodie, "10.00"), (Cap, "20.00"), (Socks, "20.00")));

        // ACTIVITY_COUNT counts content views only: Hoodie 3 (not > 3) gives 10.00 × 1.01 = 10.10;
        // Cap 4 (> 3) gives 20.00 × 1.10 = 22.00; Socks 0 gives 20.00 × 1.01 = 20.20.
        var hoodie = await http.WaitForVariantAsync(Hoodie, v => v.DynamicPrice is not null, "a price");
        var cap = await http.WaitForVariantAsync(Cap, v => v.DynamicPrice is not null, "a price");
        var socks = await http.WaitForVariantAsync(Socks, v => v.DynamicPrice is not null, "a price");
        Assert.Equal((3L, 10.10m), (hoodie.Activity.ContentView, hoodie.DynamicPrice!.Value));
        Assert.Equal((4L, 22.00m), (cap.Activity.ContentView, cap.DynamicPrice!.Value));
        Assert.Equal((0L, 20.20m), (socks.Activity.ContentView, socks.DynamicPrice!.Value));

        // Step 3: a fourth view of the Hoodie crosses the threshold: 10.00 × 1.10 = 11.00. The seed would
        // show it only at the next product update; the grain re-prices at once.
        await producer.SendAsync("shopify_clickstream", Hoodie.ToString(CultureInfo.InvariantCulture), Records.Click(Hoodie, "contentView"));
        hoodie = await http.WaitForVariantAsync(Hoodie, v => v.Activity.ContentView == 4, "the fourth view");
        Assert.Equal(11.00m, hoodie.DynamicPrice);
        Assert.Equal((2L, 1L), (hoodie.Activity.AddToCart, hoodie.Activity.Purchase));
    }

    private sealed class SeedPolicySilo() : SiloFactory(new Dictionary<string, string> { ["Pricing:Policy"] = "seed" });
}

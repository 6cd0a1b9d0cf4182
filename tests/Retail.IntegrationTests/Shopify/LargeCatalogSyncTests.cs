using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Retail.Grains.Abstractions.Shopify;
using Retail.IntegrationTests.Infrastructure;

namespace Retail.IntegrationTests.Shopify;

/// <summary>A catalog of 10,000 variants syncs page by page while the clickstream keeps flowing.</summary>
[Trait("Category", "Kafka")]
public sealed class LargeCatalogSyncTests(LargeCatalogSilo silo) : IClassFixture<LargeCatalogSilo>
{
    [Fact]
    public async Task Ten_thousand_variants_sync_and_a_click_sent_meanwhile_is_applied_without_waiting_for_the_catalog()
    {
        var http = silo.CreateClient();
        var clock = Stopwatch.StartNew();
        var click = await http.PostAsync(new Uri("/api/clickstream", UriKind.Relative), new StringContent(Records.Click(777, "contentView"), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Accepted, click.StatusCode);

        var clicked = await http.WaitForVariantAsync(777, v => v.Activity.ContentView == 1, "the click");
        var clickSeenAfter = clock.Elapsed;
        var status = await Eventually.GetAsync(
            () => http.GetFromJsonAsync<ShopifySyncStatus>(new Uri("/api/shopify/sync", UriKind.Relative)),
            s => s!.State is "done" or "failed",
            TimeSpan.FromMinutes(3),
            "the sync of 10,000 variants");
        var last = await http.WaitForVariantAsync(500_024_993, v => v.Price is not null, "the last synced variant");

        Assert.Equal(("done", 2_500L, 10_000L), (status!.State, status.ProductsRead, status.VariantsRead));
        Assert.Equal(625, silo.Fake.PagesAsked.Count);
        Assert.Equal(("sku-2499-3", 13m, 8L), (last.Sku, last.Price!.Value, last.InventoryQuantity!.Value));
        Assert.Equal(1, clicked.Activity.ContentView);
        Assert.True(clickSeenAfter < TimeSpan.FromSeconds(30), $"the click took {clickSeenAfter}");
    }
}

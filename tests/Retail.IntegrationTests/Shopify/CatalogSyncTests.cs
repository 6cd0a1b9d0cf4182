using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Retail.Grains.Abstractions.Shopify;
using Retail.Grains.Abstractions.Variants;
using Retail.IntegrationTests.Infrastructure;

namespace Retail.IntegrationTests.Shopify;

/// <summary>With no webhook sent, a fresh silo learns the catalog from the fake Admin API, and decisions wait for approval.</summary>
[Trait("Category", "Kafka")]
public sealed class CatalogSyncTests(SuggestPricingSilo silo) : IClassFixture<SuggestPricingSilo>
{
    [Fact]
    public async Task A_fresh_silo_knows_every_variant_from_the_paged_sync()
    {
        var http = silo.CreateClient();

        var status = await Eventually.GetAsync(
            () => http.GetFromJsonAsync<ShopifySyncStatus>(new Uri("/api/shopify/sync", UriKind.Relative)),
            s => s!.State is "done" or "failed",
            ApiReads.Patience,
            "the start-up sync");
        var scarf = await http.WaitForVariantAsync(83002, v => v.Price is not null, "the sync");
        var cap = await http.WaitForVariantAsync(82001, v => v.Price is not null, "the sync");

        Assert.Equal(("done", 3L, 5L, (string?)null), (status!.State, status.ProductsRead, status.VariantsRead, status.LastError));
        // One product per page: the first page without a cursor, then each page's end cursor.
        Assert.Equal([null, "c1", "c2"], silo.Fake.PagesAsked.Take(3));
        Assert.Equal((83000L, "Synced scarf", "scarf-blue", 12.00m, 0L, 83902L), (scarf.ProductId!.Value, scarf.Title, scarf.Sku, scarf.Price!.Value, scarf.InventoryQuantity!.Value, scarf.InventoryItemId!.Value));
        Assert.Equal(("cap", 7.50m, 5L), (cap.Sku, cap.Price!.Value, cap.InventoryQuantity!.Value));
        var product = await http.GetFromJsonAsync<JsonElement>(new Uri("/api/products/83000", UriKind.Relative));
        Assert.Equal([83001L, 83002L], product.GetProperty("variants").EnumerateArray().Select(v => v.GetProperty("variantId").GetInt64()));
    }

    [Fact]
    public async Task A_suggestion_waits_until_approved_and_is_then_written_and_a_rejected_one_never_is()
    {
        var http = silo.CreateClient();
        var suggestions = await Eventually.GetAsync(
            () => http.GetFromJsonAsync<PriceDecision[]>(new Uri("/api/price-suggestions", UriKind.Relative)),
            s => s!.Any(d => d.VariantId == 81001) && s!.Any(d => d.VariantId == 81002),
            ApiReads.Patience,
            "both shirt suggestions");
        Assert.Equal(10.10m, suggestions!.Single(d => d.VariantId == 81001).NewPrice);
        Assert.Equal(30.30m, suggestions!.Single(d => d.VariantId == 81002).NewPrice);
        Assert.DoesNotContain(silo.Fake.Writes, w => w.ProductId == 81000);

        var approved = await http.PostAsync(new Uri("/api/price-suggestions/81001/approve", UriKind.Relative), null);
        var rejected = await http.PostAsync(new Uri("/api/price-suggestions/81002/reject", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal(10.10m, (await approved.Content.ReadFromJsonAsync<PriceDecision>())!.NewPrice);
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        var shirt = await http.WaitForVariantAsync(81001, v => v.AppliedPrice is not null, "the approved price written");
        Assert.Equal((10.10m, (string?)null, (PriceDecision?)null), (shirt.AppliedPrice!.Value, shirt.LastWriteError, shirt.Suggestion));
        Assert.NotNull(shirt.AppliedAt);
        var write = Assert.Single(silo.Fake.Writes, w => w.ProductId == 81000);
        Assert.Equal("written", write.Answer);
        Assert.Equal([(81001L, 10.10m)], write.Prices);
        await Eventually.GetAsync(
            () => http.GetFromJsonAsync<PriceDecision[]>(new Uri("/api/price-suggestions", UriKind.Relative)),
            s => !s!.Any(d => d.VariantId is 81001 or 81002),
            ApiReads.Patience,
            "the decided suggestions to leave the list");
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsync(new Uri("/api/price-suggestions/81002/approve", UriKind.Relative), null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsync(new Uri("/api/price-suggestions/abc/approve", UriKind.Relative), null)).StatusCode);
        Assert.Null((await http.VariantAsync(81002))!.AppliedPrice);
    }
}

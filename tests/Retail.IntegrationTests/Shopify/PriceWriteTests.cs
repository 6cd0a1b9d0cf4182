using System.Net;
using System.Net.Http.Json;
using Retail.Api.Ingest;
using Retail.Grains.Abstractions.Shopify;
using Retail.IntegrationTests.Infrastructure;

namespace Retail.IntegrationTests.Shopify;

/// <summary>Under <c>Pricing:Apply=auto</c>, decisions reach the fake Admin API as one write per product, through throttling.</summary>
[Trait("Category", "Kafka")]
public sealed class PriceWriteTests(AutoPricingSilo silo) : IClassFixture<AutoPricingSilo>
{
    [Fact]
    public async Task Decisions_are_written_per_product_through_a_throttled_answer_and_refusals_are_recorded_not_retried()
    {
        var http = silo.CreateClient();

        var small = await http.WaitForVariantAsync(71001, v => v.AppliedPrice is not null, "its price written");
        var large = await http.WaitForVariantAsync(71002, v => v.AppliedPrice is not null, "its price written");
        var refused = await http.WaitForVariantAsync(72001, v => v.LastWriteError is not null, "its write refused");

        Assert.Equal((10.10m, 20.20m), (small.AppliedPrice!.Value, large.AppliedPrice!.Value));
        Assert.Equal(((string?)null, (string?)null), (small.LastWriteError, large.LastWriteError));
        // Both variants of the product in one productVariantsBulkUpdate, first throttled, then retried and written.
        var mugWrites = silo.Fake.Writes.Where(w => w.ProductId == 71000).ToList();
        Assert.Contains(mugWrites, w => w.Answer == "written" && w.Prices.OrderBy(p => p.VariantId).SequenceEqual([(71001L, 10.10m), (71002L, 20.20m)]));
        Assert.Contains(silo.Fake.Writes, w => w.Answer == "THROTTLED");
        Assert.Equal("INVALID_INPUT: Price is not allowed for this variant (variants.0.price)", refused.LastWriteError);
        Assert.Null(refused.AppliedPrice);
        // Refused once and not retried (a THROTTLED answer before it may be its own).
        Assert.Single(silo.Fake.Writes, w => w.ProductId == 72000 && w.Answer != "THROTTLED");
    }

    [Fact]
    public async Task A_variant_refused_in_a_batch_is_recorded_and_the_rest_of_the_batch_is_written_without_it()
    {
        var http = silo.CreateClient();

        var ok = await http.WaitForVariantAsync(73001, v => v.AppliedPrice is not null, "its price written");
        var refused = await http.WaitForVariantAsync(73002, v => v.LastWriteError is not null, "its write refused");

        Assert.Equal((7.07m, (string?)null), (ok.AppliedPrice!.Value, ok.LastWriteError));
        var writes = silo.Fake.Writes.Where(w => w.ProductId == 73000 && w.Answer != "THROTTLED").ToList();
        Assert.Equal(["userErrors", "written"], writes.Select(w => w.Answer));
        var position = Array.FindIndex(writes[0].Prices, p => p.VariantId == 73002);
        Assert.Equal($"INVALID_INPUT: Price is not allowed for this variant (variants.{position}.price)", refused.LastWriteError);
        Assert.Equal([(73001L, 7.07m), (73002L, 9.09m)], writes[0].Prices.OrderBy(p => p.VariantId));
        Assert.Equal([(73001L, 7.07m)], writes[1].Prices);
    }

    [Fact]
    public async Task After_app_uninstalled_no_price_is_written_until_a_sync_connects_again()
    {
        var http = silo.CreateClient();
        // The start-up writes first, so that the uninstall cannot catch them.
        await http.WaitForVariantAsync(71002, v => v.AppliedPrice is not null, "the start-up write");

        var uninstall = await http.SendAsync(Webhooks.Request("app/uninstalled", """{"id":548380009,"name":"Fake Shop","domain":"fake-shop.myshopify.com"}"""));
        Assert.Equal(HttpStatusCode.OK, uninstall.StatusCode);
        Assert.Equal(new WebhookReceipt(null, false), await uninstall.Content.ReadFromJsonAsync<WebhookReceipt>());
        var status = await http.GetFromJsonAsync<ShopifySyncStatus>(new Uri("/api/shopify/sync", UriKind.Relative));
        Assert.NotNull(status!.Uninstalled);

        await http.SendAsync(Webhooks.Request("products/update", Records.ProductUpdate(75000, "After uninstall", (75001, "40.00", 4, null))));
        var stopped = await http.WaitForVariantAsync(75001, v => v.LastWriteError is not null, "its write stopped");
        Assert.Equal("The Shopify app is uninstalled: price writes are stopped until it is connected again.", stopped.LastWriteError);
        Assert.DoesNotContain(silo.Fake.Writes, w => w.ProductId == 75000);

        var sync = await http.PostAsync(new Uri("/api/shopify/sync", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Accepted, sync.StatusCode);
        await Eventually.GetAsync(
            () => http.GetFromJsonAsync<ShopifySyncStatus>(new Uri("/api/shopify/sync", UriKind.Relative)),
            s => s!.State == "done" && s.Uninstalled is null,
            ApiReads.Patience,
            "a sync that connects again");
        await http.SendAsync(Webhooks.Request("products/update", Records.ProductUpdate(76000, "Reconnected", (76001, "50.00", 4, null))));
        var written = await http.WaitForVariantAsync(76001, v => v.AppliedPrice is not null, "its price written once connected again");
        Assert.Equal(50.50m, written.AppliedPrice);
    }
}

using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Retail.Shopify;
using Retail.Shopify.Admin;
using Retail.Shopify.Catalog;

namespace Retail.IntegrationTests.Shopify;

/// <summary>The Admin GraphQL client over real HTTP against the fake Admin API: paging, retries, refusals.</summary>
public sealed class AdminClientTests : IAsyncDisposable
{
    private readonly FakeShopifyAdmin _fake = FakeShopifyAdmin.Start(
        [
            new FakeProduct(11000, "First", new FakeVariant(11001, "first", 1.50m, 3, 11901)),
            new FakeProduct(12000, "Second", new FakeVariant(12001, "second-a", 2.00m, 0, 12901), new FakeVariant(12002, "second-b", 2.25m, 7, 12902)),
            new FakeProduct(13000, "Third", new FakeVariant(13001, "third", 9.99m, 1, 13901)),
        ],
        refusedVariants: new HashSet<long> { 13001 });

    private readonly HttpClient _http = new();

    private ShopifyAdminClient Client(string token = FakeShopifyAdmin.Token) => new(
        _http,
        Options.Create(new ShopifyAdminOptions
        {
            Shop = "fake-shop.myshopify.com",
            AdminToken = token,
            AdminApiUrl = _fake.Url,
            SyncPageSize = 2,
            MaxAttempts = 3,
            RetryBackoff = TimeSpan.FromMilliseconds(10),
        }),
        new CostThrottle(TimeProvider.System),
        TimeProvider.System,
        NullLogger<ShopifyAdminClient>.Instance);

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task Pages_follow_the_end_cursor_to_the_last_page()
    {
        var client = Client();

        var first = await client.ReadProductsAsync(null, CancellationToken.None);
        var last = await client.ReadProductsAsync(first.NextCursor, CancellationToken.None);

        Assert.Equal([11000L, 12000L], first.Products.Select(p => p.ProductId));
        Assert.Equal("c2", first.NextCursor);
        Assert.Equal(new CatalogVariant(12002, "Default Title", "second-b", 2.25m, 7, 12902), first.Products[1].Variants[1]);
        Assert.Equal([13000L], last.Products.Select(p => p.ProductId));
        Assert.Null(last.NextCursor);
    }

    [Fact]
    public async Task A_5xx_is_retried_with_backoff_and_gives_up_as_transient_after_the_last_attempt()
    {
        _fake.FailNext(2);
        var page = await Client().ReadProductsAsync(null, CancellationToken.None);
        Assert.Equal(2, page.Products.Length);
        Assert.Equal(3, _fake.Requests);

        _fake.FailNext(5);
        var error = await Assert.ThrowsAsync<ShopifyAdminException>(() => Client().ReadProductsAsync(null, CancellationToken.None));
        Assert.True(error.Transient);
        Assert.Equal(6, _fake.Requests);
        Assert.Contains("HTTP 503", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_token_fails_at_once_and_is_not_transient()
    {
        var error = await Assert.ThrowsAsync<ShopifyAdminException>(() => Client("wrong-token").ReadProductsAsync(null, CancellationToken.None));

        Assert.False(error.Transient);
        Assert.Equal(1, _fake.Requests);
        Assert.DoesNotContain("wrong-token", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_price_write_returns_its_user_errors_and_is_sent_once()
    {
        var client = Client();

        var written = await client.UpdateVariantPricesAsync(12000, [new VariantPrice(12001, 2.10m), new VariantPrice(12002, 2.30m)], CancellationToken.None);
        var refused = await client.UpdateVariantPricesAsync(13000, [new VariantPrice(13001, 10.09m)], CancellationToken.None);

        Assert.Empty(written);
        Assert.Equal([new UserError("Price is not allowed for this variant", "variants.0.price", "INVALID_INPUT")], refused.ToArray());
        Assert.Equal([(12001L, 2.10m), (12002L, 2.30m)], _fake.Writes.First().Prices);
        Assert.Equal(2, _fake.Requests);
    }
}

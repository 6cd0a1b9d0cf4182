using System.Globalization;
using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.Options;
using Retail.Api.Ingest;
using Retail.Grains.Abstractions.Shopify;
using Retail.Grains.Shopify;
using Retail.Shopify;
using Retail.Shopify.Admin;
using Retail.Shopify.Catalog;

namespace Retail.Silo.Shopify;

/// <summary>
/// The grains' <see cref="IShopifyAdmin"/> on the Admin GraphQL client, and the catalog sync's way into Kafka: each
/// product goes to the product-update topic as a <c>products/update</c> body, keyed by product id, where the same
/// mapping as the webhooks' takes it.
/// </summary>
internal sealed class ShopifyAdminPort(
    IServiceProvider services,
    IOptions<ShopifyAdminOptions> options,
    IOptions<KafkaTopics> topics,
    IngestProducer producer) : IShopifyAdmin
{
    private static readonly byte[] SyncTopic = Encoding.UTF8.GetBytes("products/update");

    public bool Connected => options.Value.Connected;

    public async Task<CatalogFeedPage> FeedCatalogPageAsync(string? cursor, CancellationToken cancellationToken)
    {
        var page = await Client().ReadProductsAsync(cursor, cancellationToken);
        // Written together and awaited together: the producer batches them, and a page is in Kafka before the next is read.
        await Task.WhenAll(page.Products.Select(product => producer.WriteAsync(topics.Value.ProductsUpdate, new Message<byte[], byte[]>
        {
            Key = Encoding.UTF8.GetBytes(product.ProductId.ToString(CultureInfo.InvariantCulture)),
            Value = ProductUpdateBody.Serialize(product),
            Headers = new Headers { { ShopifyHeaders.Topic, SyncTopic } },
        }, cancellationToken)));
        return new CatalogFeedPage(page.Products.Length, page.Products.Sum(p => p.Variants.Length), page.NextCursor);
    }

    public async Task<PriceWriteOutcome> WritePricesAsync(long productId, IReadOnlyList<PriceToWrite> prices, CancellationToken cancellationToken)
    {
        try
        {
            var userErrors = await Client().UpdateVariantPricesAsync(productId, [.. prices.Select(p => new VariantPrice(p.VariantId, p.Price))], cancellationToken);
            return new PriceWriteOutcome([.. userErrors.Select(e => new PriceRefusal(e.InputIndex("variants") is { } i && i < prices.Count ? prices[i].VariantId : null, e.ToString()))], null, false);
        }
        catch (ShopifyAdminException ex)
        {
            return new PriceWriteOutcome([], ex.Message, ex.Transient);
        }
    }

    // A typed client is transient: one per call, on the factory's pooled handlers.
    private ShopifyAdminClient Client() => services.GetRequiredService<ShopifyAdminClient>();
}

namespace Retail.Grains.Shopify;

/// <summary>
/// The shop's Admin API as the grains need it. The host supplies it; grains know neither HTTP nor Kafka.
/// </summary>
public interface IShopifyAdmin
{
    /// <summary>Whether a shop and an Admin token are configured; without them nothing is sent.</summary>
    bool Connected { get; }

    /// <summary>
    /// Reads the page of products after <paramref name="cursor"/> and feeds them to the product-update topic, the way
    /// <c>products/update</c> webhooks go.
    /// </summary>
    Task<CatalogFeedPage> FeedCatalogPageAsync(string? cursor, CancellationToken cancellationToken);

    /// <summary>Writes prices of one product's variants in one call.</summary>
    Task<PriceWriteOutcome> WritePricesAsync(long productId, IReadOnlyList<PriceToWrite> prices, CancellationToken cancellationToken);
}

/// <summary>What one page of the catalog sync read and fed; <paramref name="NextCursor"/> is <c>null</c> after the last page.</summary>
public sealed record CatalogFeedPage(int Products, int Variants, string? NextCursor);

/// <summary>
/// A price write's outcome: written (no failure and no refusal), refused (<paramref name="Refusals"/>, from the
/// mutation's <c>userErrors</c>, never retried as they are), or failed with <paramref name="Failure"/>, which
/// <paramref name="Transient"/> says may succeed later.
/// </summary>
public sealed record PriceWriteOutcome(ImmutableArray<PriceRefusal> Refusals, string? Failure, bool Transient);

/// <summary>A <c>userErrors</c> entry: about one variant of the batch when its input path names it, else about all of it.</summary>
public sealed record PriceRefusal(long? VariantId, string Error);

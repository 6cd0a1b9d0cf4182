namespace Retail.Grains.Abstractions.Shopify;

/// <summary>
/// Writes one product's decided variant prices to Shopify, keyed by product id: one <c>productVariantsBulkUpdate</c>
/// per batch, only the latest decision per variant.
/// </summary>
public interface IPriceWriterGrain : IGrainWithIntegerKey
{
    /// <summary>Queues a price; one older than a price already queued or written for the variant is ignored.</summary>
    Task SubmitAsync(PriceToWrite price);
}

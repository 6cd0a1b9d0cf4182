using Retail.Grains.Abstractions.Events;

namespace Retail.Grains.Abstractions.Products;

/// <summary>One Shopify product, keyed by its product id; knows its variants.</summary>
public interface IProductGrain : IGrainWithIntegerKey
{
    /// <summary>The product, or <c>null</c> if no update for it has been seen.</summary>
    [AlwaysInterleave]
    Task<ProductSnapshot?> GetSnapshotAsync();
}

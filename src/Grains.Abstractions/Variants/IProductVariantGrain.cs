namespace Retail.Grains.Abstractions.Variants;

/// <summary>One Shopify product variant, keyed by its variant id.</summary>
public interface IProductVariantGrain : IGrainWithIntegerKey
{
    /// <summary>The variant's current view, or <c>null</c> if no event has ever reached it.</summary>
    [AlwaysInterleave]
    Task<VariantSnapshot?> GetSnapshotAsync();
}

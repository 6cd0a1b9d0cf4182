using System.ComponentModel.DataAnnotations;

namespace Retail.Api;

/// <summary>
/// A Shopify id in a route: a positive 64-bit integer. A value that is no integer at all already fails binding;
/// this rejects zero and negatives.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
internal sealed class ShopifyIdAttribute : RangeAttribute
{
    public ShopifyIdAttribute()
        : base(1d, long.MaxValue)
    {
        ErrorMessage = "{0} must be a positive 64-bit integer, a Shopify id.";
    }
}

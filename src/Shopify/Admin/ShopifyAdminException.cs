namespace Retail.Shopify.Admin;

/// <summary>A request to the Admin API that failed. <see cref="Transient"/> when it gave up on throttling, 5xx or the network.</summary>
public sealed class ShopifyAdminException(string message, bool transient) : Exception(message)
{
    public bool Transient { get; } = transient;
}

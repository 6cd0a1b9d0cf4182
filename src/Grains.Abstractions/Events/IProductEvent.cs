namespace Retail.Grains.Abstractions.Events;

/// <summary>An event for one product, delivered on that product's stream.</summary>
public interface IProductEvent
{
    /// <summary>The Shopify product id.</summary>
    long ProductId { get; }
}

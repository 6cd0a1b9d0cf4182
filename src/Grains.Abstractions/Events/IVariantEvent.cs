namespace Retail.Grains.Abstractions.Events;

/// <summary>An event for one variant, delivered on that variant's stream.</summary>
public interface IVariantEvent
{
    /// <summary>The Shopify variant id.</summary>
    long VariantId { get; }
}

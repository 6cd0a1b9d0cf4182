namespace Retail.Grains.Abstractions.Events;

/// <summary>An event for one variant, delivered on that variant's streams.</summary>
public interface IVariantEvent
{
    /// <summary>The Shopify variant id.</summary>
    long VariantId { get; }

    /// <summary>Where the event came from, to recognise redeliveries.</summary>
    SourcePosition Source { get; }
}

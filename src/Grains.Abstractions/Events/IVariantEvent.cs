namespace Retail.Grains.Abstractions.Events;

/// <summary>An event for one variant, delivered on that variant's stream.</summary>
public interface IVariantEvent
{
    /// <summary>The Shopify variant id.</summary>
    long VariantId { get; }

    /// <summary>Where the event came from, to recognise redeliveries.</summary>
    SourcePosition Source { get; }

    /// <summary>
    /// The namespace of the topic that this kind of event is read from. The variant's one stream merges several
    /// topics, whose partition numbers repeat, so <see cref="Source"/> positions count per topic namespace.
    /// </summary>
    string SourceNamespace { get; }
}

namespace Retail.Grains.Abstractions.Events;

/// <summary>An event for one product, delivered on that product's stream.</summary>
public interface IProductEvent
{
    long ProductId { get; }

    /// <summary>Where the event came from, to recognise redeliveries.</summary>
    SourcePosition Source { get; }
}

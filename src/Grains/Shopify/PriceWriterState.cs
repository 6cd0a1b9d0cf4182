using System.Collections.Immutable;

namespace Retail.Grains.Shopify;

/// <summary>The durable state of a product's price writer.</summary>
[GenerateSerializer]
public sealed record PriceWriterState
{
    /// <summary>The latest price decided per variant and not yet written.</summary>
    [Id(0)]
    public ImmutableArray<PriceToWrite> Pending { get; init; } = [];

    /// <summary>The last price written per variant, so a replayed older decision is never written over it.</summary>
    [Id(1)]
    public ImmutableArray<PriceToWrite> Written { get; init; } = [];

    /// <summary>Failed attempts at the pending batch in a row.</summary>
    [Id(2)]
    public int Failures { get; init; }
}

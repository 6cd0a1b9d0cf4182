using System.Collections.Immutable;

namespace Retail.Grains.Abstractions.Events;

/// <summary>
/// The durable state of a grain that recognises redelivered events by the last position applied from each
/// source partition.
/// </summary>
/// <typeparam name="TSelf">The state record itself.</typeparam>
public interface IPositionedState<TSelf>
    where TSelf : IPositionedState<TSelf>
{
    /// <summary>The last applied position per source partition.</summary>
    ImmutableArray<AppliedPosition> Applied { get; }

    /// <summary>This state with <paramref name="applied"/>.</summary>
    TSelf WithApplied(ImmutableArray<AppliedPosition> applied);
}

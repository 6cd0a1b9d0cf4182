using System.Collections.Immutable;

namespace Retail.Grains.ExactlyOnce;

/// <summary>
/// The durable state of a grain that recognises redelivered events by the last position applied from each
/// topic-partition (<see cref="KafkaPositions"/>).
/// </summary>
/// <typeparam name="TSelf">The state record itself.</typeparam>
internal interface IPositionedState<TSelf>
    where TSelf : IPositionedState<TSelf>
{
    /// <summary>The last applied position per source partition.</summary>
    ImmutableArray<KafkaPosition> Applied { get; }

    /// <summary>This state with <paramref name="applied"/>.</summary>
    TSelf WithApplied(ImmutableArray<KafkaPosition> applied);
}

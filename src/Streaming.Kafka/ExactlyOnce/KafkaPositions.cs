using System.Collections.Immutable;

namespace Streaming.Kafka.ExactlyOnce;

/// <summary>
/// The last position a consumer applied from each topic-partition, to recognise redelivered events. A consumer
/// reads from a handful of partitions at most, so the positions are a small array searched in place: a tenth of
/// the memory of a dictionary, which matters with a hundred thousand consumers per silo.
/// </summary>
public static class KafkaPositions
{
    /// <summary>
    /// Whether the event at <paramref name="position"/> is new to <paramref name="applied"/>; if so,
    /// <paramref name="next"/> records it.
    /// </summary>
    public static bool TryAdvance(ImmutableArray<KafkaPosition> applied, KafkaPosition position, out ImmutableArray<KafkaPosition> next)
    {
        applied = OrEmpty(applied);
        next = applied;
        var index = IndexOf(applied, position);
        if (index >= 0 && applied[index].IsAtOrAfter(position))
        {
            return false;
        }

        next = index >= 0 ? applied.SetItem(index, position) : applied.Add(position);
        return true;
    }

    /// <summary>Whether <paramref name="applied"/> already holds the event at <paramref name="upTo"/>, and so every one before it in its partition.</summary>
    public static bool Covers(ImmutableArray<KafkaPosition> applied, KafkaPosition upTo)
    {
        applied = OrEmpty(applied);
        var index = IndexOf(applied, upTo);
        return index >= 0 && applied[index].IsAtOrAfter(upTo);
    }

    /// <summary>
    /// Whether a delivery starting at <paramref name="first"/> follows on from <paramref name="applied"/>: the
    /// stream's previous record in that topic-partition, at <paramref name="precedingOffset"/>
    /// (<see cref="KafkaDelivery.PrecedingOffset"/>), is already applied. <c>null</c> when the provider did not
    /// say which record that is.
    /// </summary>
    public static bool? Follows(ImmutableArray<KafkaPosition> applied, KafkaPosition first, long? precedingOffset) =>
        precedingOffset is { } preceding && preceding >= 0
            ? Covers(applied, first with { Offset = preceding, Index = 0 })
            : null;

    // An unset ImmutableArray field is default, not empty.
    private static ImmutableArray<KafkaPosition> OrEmpty(ImmutableArray<KafkaPosition> applied) => applied.IsDefault ? [] : applied;

    private static int IndexOf(ImmutableArray<KafkaPosition> applied, in KafkaPosition position)
    {
        for (var i = 0; i < applied.Length; i++)
        {
            if (applied[i].SamePartition(position))
            {
                return i;
            }
        }

        return -1;
    }
}

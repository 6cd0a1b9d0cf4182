namespace Retail.Grains.Variants;

/// <summary>Recognises redelivered events by the last position applied from each source partition.</summary>
public static class AppliedPositions
{
    /// <summary>
    /// Whether the event at <paramref name="position"/> of <paramref name="streamNamespace"/> is new; if so,
    /// <paramref name="next"/> records it. Events of unknown position are always new.
    /// </summary>
    public static bool TryAdvance(
        ImmutableDictionary<string, SourcePosition> applied,
        string streamNamespace,
        SourcePosition position,
        out ImmutableDictionary<string, SourcePosition> next)
    {
        ArgumentNullException.ThrowIfNull(applied);
        next = applied;
        if (!position.IsKnown)
        {
            return true;
        }

        var key = Key(streamNamespace, position.Partition);
        if (applied.TryGetValue(key, out var last) && position <= last)
        {
            return false;
        }

        next = applied.SetItem(key, position);
        return true;
    }

    /// <summary>Whether <paramref name="applied"/> already covers <paramref name="upTo"/>.</summary>
    public static bool Covers(ImmutableDictionary<string, SourcePosition> applied, string streamNamespace, SourcePosition upTo)
    {
        ArgumentNullException.ThrowIfNull(applied);
        return !upTo.IsKnown || (applied.TryGetValue(Key(streamNamespace, upTo.Partition), out var last) && last >= upTo);
    }

    /// <summary>
    /// Whether a delivery starting at <paramref name="first"/> follows on from <paramref name="applied"/>: the
    /// stream's previous record in that partition, at <paramref name="precedingOffset"/>, is already applied.
    /// <c>null</c> when either position is unknown, so nothing can be said.
    /// </summary>
    public static bool? Follows(ImmutableDictionary<string, SourcePosition> applied, string streamNamespace, SourcePosition first, long? precedingOffset) =>
        precedingOffset is { } preceding && preceding >= 0 && first.IsKnown
            ? Covers(applied, streamNamespace, new SourcePosition(first.Partition, preceding, 0))
            : null;

    // One string per namespace and partition for the whole silo, not one per event and per grain.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Namespace, int Partition), string> Keys = new();

    private static string Key(string streamNamespace, int partition) =>
        Keys.GetOrAdd((streamNamespace, partition), static k => $"{k.Namespace}/{k.Partition}");
}

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

    private static string Key(string streamNamespace, int partition) => $"{streamNamespace}/{partition}";
}

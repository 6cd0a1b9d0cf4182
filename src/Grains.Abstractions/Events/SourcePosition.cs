namespace Retail.Grains.Abstractions.Events;

/// <summary>
/// Where an event came from: the partition of its source topic, the record's offset in it, and the event's
/// index among the events of that record. A redelivered event has the same position.
/// </summary>
[GenerateSerializer, Immutable]
public readonly record struct SourcePosition(
    [property: Id(0)] int Partition,
    [property: Id(1)] long Offset,
    [property: Id(2)] int Index) : IComparable<SourcePosition>
{
    /// <summary>No known source: such events are never recognised as redeliveries.</summary>
    public static SourcePosition None { get; } = new(-1, -1, -1);

    public bool IsKnown => Partition >= 0 && Offset >= 0;

    public int CompareTo(SourcePosition other)
    {
        var byOffset = Offset.CompareTo(other.Offset);
        return byOffset != 0 ? byOffset : Index.CompareTo(other.Index);
    }

    public static bool operator <(SourcePosition left, SourcePosition right) => left.CompareTo(right) < 0;

    public static bool operator >(SourcePosition left, SourcePosition right) => left.CompareTo(right) > 0;

    public static bool operator <=(SourcePosition left, SourcePosition right) => left.CompareTo(right) <= 0;

    public static bool operator >=(SourcePosition left, SourcePosition right) => left.CompareTo(right) >= 0;
}

namespace Streaming.Kafka.Providers;

/// <summary>
/// Where an event came from: the topic-partition, the record's offset, and the event's index within that
/// record. Two deliveries of the same event carry equal tokens, so a consumer can recognise a redelivery.
/// </summary>
/// <remarks>
/// A partition read again (after lost effects or a failed delivery) starts a new <see cref="Epoch"/>. Tokens
/// order by epoch first, so the queue cache always sees them rising; equality ignores the epoch, because it
/// is still the same event.
/// </remarks>
[GenerateSerializer, Immutable]
public sealed class KafkaSequenceToken : StreamSequenceToken
{
    /// <summary>Creates a token for event <paramref name="eventIndex"/> of the record at <paramref name="offset"/>.</summary>
    public KafkaSequenceToken(string topic, int partition, long offset, int eventIndex, int epoch = 0, long precedingOffset = -1)
    {
        Topic = topic;
        Partition = partition;
        SequenceNumber = offset;
        EventIndex = eventIndex;
        Epoch = epoch;
        PrecedingOffset = precedingOffset;
    }

    /// <summary>The topic the record was read from.</summary>
    [Id(0)]
    public string Topic { get; }

    /// <summary>The partition the record was read from.</summary>
    [Id(1)]
    public int Partition { get; }

    /// <summary>The record's offset in its partition.</summary>
    [Id(2)]
    public override long SequenceNumber { get; protected set; }

    /// <summary>The event's index among the events its record mapped to.</summary>
    [Id(3)]
    public override int EventIndex { get; protected set; }

    /// <summary>How many times this receiver has read its partition again before reading this event.</summary>
    [Id(4)]
    public int Epoch { get; }

    /// <summary>
    /// On the first event of a delivered container, the offset of the stream's previous record in this partition,
    /// or -1 when the receiver has seen none since it started or rewound; -1 on every other event. Not part of the
    /// token's identity. See <see cref="ExactlyOnce.KafkaDelivery.PrecedingOffset"/>.
    /// </summary>
    [Id(5)]
    public long PrecedingOffset { get; }

    /// <summary>The record's offset in its partition; the same as <see cref="SequenceNumber"/>.</summary>
    public long Offset => SequenceNumber;

    public override bool Equals(StreamSequenceToken? other) =>
        other is KafkaSequenceToken token
        && token.SequenceNumber == SequenceNumber
        && token.EventIndex == EventIndex
        && token.Partition == Partition
        && string.Equals(token.Topic, Topic, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as StreamSequenceToken);

    public override int GetHashCode() => HashCode.Combine(Topic, Partition, SequenceNumber, EventIndex);

    /// <summary>Orders tokens of one partition by epoch, offset, then index. Tokens of different partitions are not ordered.</summary>
    public override int CompareTo(StreamSequenceToken? other)
    {
        if (other is null)
        {
            return 1;
        }

        if (other is KafkaSequenceToken kafka && kafka.Epoch != Epoch)
        {
            return Epoch.CompareTo(kafka.Epoch);
        }

        var bySequence = SequenceNumber.CompareTo(other.SequenceNumber);
        return bySequence != 0 ? bySequence : EventIndex.CompareTo(other.EventIndex);
    }

    public override string ToString() => $"{Topic}[{Partition}]@{SequenceNumber}#{EventIndex}";
}

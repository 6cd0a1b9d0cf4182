using System.Collections.Immutable;

namespace Streaming.Kafka.Providers;

/// <summary>
/// The events of one stream taken from one pull of one partition, each with its own token. All of a pull's
/// events for one stream travel together, so a consumer gets them in one delivery.
/// </summary>
[GenerateSerializer]
public sealed class KafkaBatchContainer : IBatchContainer
{
    /// <summary>Creates a container holding <paramref name="entries"/>, which must be non-empty and in order.</summary>
    public KafkaBatchContainer(StreamId streamId, string topic, int partition, ImmutableArray<KafkaEventEntry> entries, int epoch = 0, long precedingOffset = -1)
    {
        Epoch = epoch;
        PrecedingOffset = precedingOffset;
        ArgumentOutOfRangeException.ThrowIfZero(entries.IsDefault ? 0 : entries.Length, nameof(entries));
        StreamId = streamId;
        Topic = topic;
        Partition = partition;
        Entries = entries;
    }

    [Id(0)]
    public StreamId StreamId { get; }

    /// <summary>The topic the records came from.</summary>
    [Id(1)]
    public string Topic { get; }

    /// <summary>The partition the records came from.</summary>
    [Id(2)]
    public int Partition { get; }

    /// <summary>The events in delivery order.</summary>
    [Id(3)]
    public ImmutableArray<KafkaEventEntry> Entries { get; }

    /// <summary>The read epoch of the partition; see <see cref="KafkaSequenceToken.Epoch"/>.</summary>
    [Id(4)]
    public int Epoch { get; }

    /// <summary>The offset of this stream's record before the first entry, or -1 if the receiver saw none; the first token carries it.</summary>
    [Id(5)]
    public long PrecedingOffset { get; }

    // Made once: the pulling agent asks for it several times per delivery, and keeps what it gets for as long as
    // the stream is active, so a fresh token per call was both garbage and retained copies. The first entry
    // never changes once the container exists; later ones are appended while the receiver builds it.
    [NonSerialized]
    private KafkaSequenceToken? _first;

    /// <summary>The token of the first event: where this container sits in its partition.</summary>
    public StreamSequenceToken SequenceToken => _first ??= TokenOf(Entries[0], PrecedingOffset);

    /// <summary>The token of the last event.</summary>
    public StreamSequenceToken LastToken => Entries.Length == 1 ? SequenceToken : TokenOf(Entries[^1]);

    public IEnumerable<Tuple<T, StreamSequenceToken>> GetEvents<T>()
    {
        for (var i = 0; i < Entries.Length; i++)
        {
            if (Entries[i].Event is T typed)
            {
                yield return Tuple.Create(typed, i == 0 ? SequenceToken : TokenOf(Entries[i]));
            }
        }
    }

    // The preceding offset travels in the first token instead (see KafkaDelivery.PrecedingOffset).
    public bool ImportRequestContext() => false;

    public override string ToString() => $"{StreamId} {Topic}[{Partition}]@{Entries[0].Offset}..{Entries[^1].Offset} ({Entries.Length} events)";

    private KafkaSequenceToken TokenOf(KafkaEventEntry entry, long precedingOffset = -1) => new(Topic, Partition, entry.Offset, entry.Index, Epoch, precedingOffset);
}

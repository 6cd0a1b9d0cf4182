namespace Streaming.Kafka.Mapping;

/// <summary>Collects the events that one Kafka record maps to, in order. Reused between records.</summary>
public sealed class MappedEvents
{
    private readonly List<(StreamId StreamId, object Event)> _items = [];

    /// <summary>How many events have been added.</summary>
    public int Count => _items.Count;

    /// <summary>The event at <paramref name="index"/>, which is also its index within the record.</summary>
    public (StreamId StreamId, object Event) this[int index] => _items[index];

    /// <summary>Adds an event for <paramref name="streamId"/>.</summary>
    public void Add(StreamId streamId, object item)
    {
        ArgumentNullException.ThrowIfNull(item);
        _items.Add((streamId, item));
    }

    internal void Clear() => _items.Clear();
}

using System.Text;
using System.Text.Json;

namespace Streaming.Kafka.Mapping;

/// <summary>
/// The default mapper: each record becomes one <see cref="KafkaPayload"/> on the stream named by the
/// topic's namespace and the record key (or the partition and offset when there is no key).
/// Events published from Orleans are written as-is when they are bytes or payloads, otherwise as JSON.
/// </summary>
public sealed class RawRecordMapper : IKafkaRecordMapper
{
    public void Map(in KafkaRecord record, string streamNamespace, MappedEvents events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var key = record.Key.IsEmpty ? $"{record.Partition}-{record.Offset}" : Encoding.UTF8.GetString(record.Key.Span);
        events.Add(StreamId.Create(streamNamespace, key), new KafkaPayload(record.Key.ToArray(), record.Value.ToArray(), record.Timestamp));
    }

    public byte[] Serialize(StreamId streamId, object item) => item switch
    {
        KafkaPayload payload => payload.Value,
        byte[] bytes => bytes,
        _ => JsonSerializer.SerializeToUtf8Bytes(item, item.GetType()),
    };
}

using System.Text;
using Orleans.Runtime;
using Streaming.Kafka.Mapping;

namespace Streaming.Kafka.Tests.Cluster;

/// <summary>
/// Maps test records: a value starting with "poison" is rejected, "multi:a,b,c" becomes one event for each of
/// streams a, b and c, and anything else becomes one payload on the stream named by the record key.
/// </summary>
public sealed class TestRecordMapper : IKafkaRecordMapper
{
    public void Map(in KafkaRecord record, string streamNamespace, MappedEvents events)
    {
        var value = Encoding.UTF8.GetString(record.Value.Span);
        if (value.StartsWith("poison", StringComparison.Ordinal))
        {
            throw new FormatException($"test poison at offset {record.Offset}");
        }

        var payload = new KafkaPayload(record.Key.ToArray(), record.Value.ToArray(), record.Timestamp);
        if (value.StartsWith("multi:", StringComparison.Ordinal))
        {
            foreach (var key in value["multi:".Length..].Split(','))
            {
                events.Add(StreamId.Create(streamNamespace, key), payload);
            }

            return;
        }

        events.Add(StreamId.Create(streamNamespace, Encoding.UTF8.GetString(record.Key.Span)), payload);
    }

    public byte[] Serialize(StreamId streamId, object item) => ((KafkaPayload)item).Value;
}

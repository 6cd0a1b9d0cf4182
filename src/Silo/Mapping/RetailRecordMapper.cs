using System.Text.Json;
using Streaming.Kafka.Mapping;

namespace Retail.Silo.Mapping;

/// <summary>Turns the retail topics' JSON records into the grains' stream events.</summary>
internal sealed class RetailRecordMapper : IKafkaRecordMapper
{
    public void Map(in KafkaRecord record, string streamNamespace, MappedEvents events)
    {
        switch (streamNamespace)
        {
            case StreamNames.Clickstream:
                if (!ClickstreamJson.TryParse(record.Value.Span, record.Timestamp, out var click, out var error))
                {
                    throw new InvalidDataException($"Bad clickstream record: {error}");
                }

                events.Add(StreamId.Create(StreamNames.Clickstream, click!.VariantId), click);
                break;
            default:
                throw new InvalidDataException($"No mapping for stream namespace '{streamNamespace}'.");
        }
    }

    public byte[] Serialize(StreamId streamId, object item) => item switch
    {
        ClickstreamEvent click => ClickstreamJson.Serialize(click),
        _ => JsonSerializer.SerializeToUtf8Bytes(item, item.GetType()),
    };
}

using System.Text;
using Orleans.Runtime;
using Retail.Grains.Abstractions;
using Retail.Grains.Abstractions.Events;
using Retail.Silo.Mapping;
using Streaming.Kafka.Mapping;

namespace Retail.UnitTests.Mapping;

public class RetailRecordMapperTests
{
    private static readonly DateTimeOffset KafkaTime = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static KafkaRecord Record(string json) =>
        new("shopify_clickstream", 2, 17, KafkaTime, ReadOnlyMemory<byte>.Empty, Encoding.UTF8.GetBytes(json), null);

    [Fact]
    public void Maps_a_clickstream_record_to_the_variant_stream()
    {
        var events = new MappedEvents();

        new RetailRecordMapper().Map(Record("""{"product_variant_id":40172031311917,"activity":"contentView"}"""), StreamNames.Clickstream, events);

        Assert.Equal(1, events.Count);
        Assert.Equal(StreamId.Create(StreamNames.Clickstream, 40172031311917), events[0].StreamId);
        Assert.Equal(new ClickstreamEvent(40172031311917, Activities.ContentView, null, KafkaTime, new SourcePosition(2, 17, 0)), events[0].Event);
    }

    [Fact]
    public void Rejects_a_bad_clickstream_record_with_the_reason()
    {
        var error = Assert.Throws<InvalidDataException>(() =>
            new RetailRecordMapper().Map(Record("""{"activity":"contentView"}"""), StreamNames.Clickstream, new MappedEvents()));

        Assert.Equal("Bad clickstream record: product_variant_id is missing", error.Message);
    }

    [Fact]
    public void Rejects_a_namespace_it_does_not_know()
    {
        var error = Assert.Throws<InvalidDataException>(() =>
            new RetailRecordMapper().Map(Record("{}"), "elsewhere", new MappedEvents()));

        Assert.Contains("elsewhere", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Serializes_clickstream_events_so_that_they_map_back()
    {
        var mapper = new RetailRecordMapper();
        var click = new ClickstreamEvent(77, Activities.AddToCart, 5, KafkaTime, new SourcePosition(2, 17, 0));
        var streamId = StreamId.Create(StreamNames.Clickstream, 77);
        var events = new MappedEvents();

        mapper.Map(Record(Encoding.UTF8.GetString(mapper.Serialize(streamId, click))), StreamNames.Clickstream, events);

        Assert.Equal((streamId, (object)click), events[0]);
    }
}

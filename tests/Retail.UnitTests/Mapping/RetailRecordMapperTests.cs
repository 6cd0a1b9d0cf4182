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

    private static KafkaRecord Record(string json) => Record("shopify_clickstream", Encoding.UTF8.GetBytes(json));

    private static KafkaRecord Record(string topic, byte[] value) =>
        new(topic, 2, 17, KafkaTime, ReadOnlyMemory<byte>.Empty, value, null);

    [Fact]
    public void Maps_a_clickstream_record_to_the_variant_stream()
    {
        var events = new MappedEvents();

        new RetailRecordMapper().Map(Record("""{"product_variant_id":40172031311917,"activity":"contentView"}"""), StreamNames.Clickstream, events);

        Assert.Equal(1, events.Count);
        Assert.Equal(StreamId.Create(StreamNames.Variant, 40172031311917), events[0].StreamId);
        Assert.Equal(new ClickstreamEvent(40172031311917, Activities.ContentView, null, KafkaTime), events[0].Event);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(40172031311917)]
    [InlineData(long.MaxValue)]
    public void A_variants_stream_is_the_one_orleans_names_for_its_id(long variantId)
    {
        var stream = RetailRecordMapper.VariantStream(variantId);

        Assert.Equal(StreamId.Create(StreamNames.Variant, variantId), stream);
        Assert.Equal(StreamNames.Variant, stream.GetNamespace());
        Assert.Equal(variantId.ToString(System.Globalization.CultureInfo.InvariantCulture), stream.GetKeyAsString());
    }

    [Theory]
    [InlineData(StreamNames.Clickstream, "shopify_clickstream", null, 1)]
    [InlineData(StreamNames.VariantUpdates, "plf_products_update", "products_update.example-tshirt.json", 2)]
    [InlineData(StreamNames.Sales, "plf_orders_create", "orders_create.example.json", 2)]
    public void Puts_each_variants_events_on_its_one_stream(string topicNamespace, string topic, string? fixture, int variants)
    {
        var value = fixture is null ? Encoding.UTF8.GetBytes("""{"product_variant_id":5,"activity":"addToCart"}""") : Fixture.Shopify(fixture);
        var events = new MappedEvents();

        new RetailRecordMapper().Map(Record(topic, value), topicNamespace, events);

        var variantEvents = Enumerable.Range(0, events.Count).Select(i => events[i]).Where(e => e.Event is IVariantEvent).ToList();
        Assert.Equal(variants, variantEvents.Count);
        Assert.All(variantEvents, e =>
        {
            var variantEvent = (IVariantEvent)e.Event;
            Assert.Equal(StreamId.Create(StreamNames.Variant, variantEvent.VariantId), e.StreamId);
        });
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
        var click = new ClickstreamEvent(77, Activities.AddToCart, 5, KafkaTime);
        var events = new MappedEvents();

        // Published on the clickstream topic's namespace, which maps to the topic; read back onto the variant's stream.
        mapper.Map(Record(Encoding.UTF8.GetString(mapper.Serialize(StreamId.Create(StreamNames.Clickstream, 77), click))), StreamNames.Clickstream, events);

        Assert.Equal((StreamId.Create(StreamNames.Variant, 77), (object)click), events[0]);
    }
}

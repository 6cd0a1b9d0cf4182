using System.Text;
using Retail.Grains.Abstractions.Events;

namespace Retail.UnitTests.Events;

public class ClickstreamJsonTests
{
    private static readonly DateTimeOffset KafkaTime = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    private static (bool Ok, ClickstreamEvent? Event, string? Error) Parse(string json)
    {
        var ok = ClickstreamJson.TryParse(Encoding.UTF8.GetBytes(json), KafkaTime, out var result, out var error);
        return (ok, result, error);
    }

    [Fact]
    public void Reads_the_seed_datagen_record_with_userid_spelling()
    {
        var (ok, click, error) = Parse("""{"ip":"111.152.45.45","userid":1644276582001,"time":"01/Jan/1970:00:00:00 +0000","_time":0,"product_variant_id":40172031311917,"activity":"contentView"}""");

        Assert.True(ok, error);
        Assert.Equal(new ClickstreamEvent(40172031311917, Activities.ContentView, 1644276582001, KafkaTime), click);
    }

    [Fact]
    public void Reads_the_user_id_spelling_and_uses_the_kafka_time_not_the_time_field()
    {
        var (ok, click, _) = Parse("""{"time":"31/Dec/1999:23:59:59 +0000","user_id":7,"product_variant_id":12,"activity":"addToCart"}""");

        Assert.True(ok);
        Assert.Equal(7, click!.UserId);
        Assert.Equal(Activities.AddToCart, click.Activity);
        Assert.Equal(KafkaTime, click.Timestamp);
    }

    [Fact]
    public void Keeps_ids_above_two_to_the_53_exact()
    {
        // 2^53 + 1 cannot be represented by a double.
        var (ok, click, _) = Parse("""{"product_variant_id":9007199254740993,"activity":"purchase","user_id":9007199254740995}""");

        Assert.True(ok);
        Assert.Equal(9007199254740993L, click!.VariantId);
        Assert.Equal(9007199254740995L, click.UserId);
    }

    [Fact]
    public void Accepts_a_quoted_variant_id()
    {
        var (ok, click, _) = Parse("""{"product_variant_id":"40172031311917","activity":"contentView"}""");

        Assert.True(ok);
        Assert.Equal(40172031311917L, click!.VariantId);
    }

    [Fact]
    public void Keeps_an_unknown_activity_as_it_is()
    {
        var (ok, click, _) = Parse("""{"product_variant_id":5,"activity":"wishlist"}""");

        Assert.True(ok);
        Assert.Equal("wishlist", click!.Activity);
    }

    [Fact]
    public void Returns_the_shared_instance_for_known_activities()
    {
        var (_, click, _) = Parse("""{"product_variant_id":5,"activity":"contentView"}""");

        Assert.Same(Activities.ContentView, click!.Activity);
    }

    [Theory]
    [InlineData("""{"activity":"contentView"}""", "product_variant_id is missing")]
    [InlineData("""{"product_variant_id":5}""", "activity is missing")]
    [InlineData("""{"product_variant_id":-5,"activity":"contentView"}""", "product_variant_id must be a positive 64-bit integer")]
    [InlineData("""{"product_variant_id":1.5,"activity":"contentView"}""", "product_variant_id must be a positive 64-bit integer")]
    [InlineData("""{"product_variant_id":"12x","activity":"contentView"}""", "product_variant_id must be a positive 64-bit integer")]
    [InlineData("""{"product_variant_id":99999999999999999999,"activity":"contentView"}""", "product_variant_id must be a positive 64-bit integer")]
    [InlineData("""{"product_variant_id":5,"activity":7}""", "activity must be a string")]
    [InlineData("""{"product_variant_id":5,"activity":""}""", "activity must be 1 to 64 characters")]
    [InlineData("""{"product_variant_id":5,"activity":"a","user_id":"bob"}""", "user_id must be a 64-bit integer")]
    [InlineData("""[1,2]""", "expected a JSON object")]
    public void Rejects_bad_records_with_a_reason(string json, string expected)
    {
        var (ok, click, error) = Parse(json);

        Assert.False(ok);
        Assert.Null(click);
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage{")]
    [InlineData("""{"product_variant_id":5,"activity":"contentView" """)]
    [InlineData("""{"product_variant_id":5,,}""")]
    public void Rejects_invalid_json(string json)
    {
        var (ok, _, error) = Parse(json);

        Assert.False(ok);
        Assert.NotNull(error);
        Assert.True(error.StartsWith("invalid JSON", StringComparison.Ordinal) || error.Contains("incomplete", StringComparison.Ordinal), error);
    }

    [Fact]
    public void Serialized_events_parse_back_to_the_same_event()
    {
        var original = new ClickstreamEvent(9007199254740993, Activities.Purchase, 42, KafkaTime);

        var ok = ClickstreamJson.TryParse(ClickstreamJson.Serialize(original), KafkaTime, out var parsed, out _);

        Assert.True(ok);
        Assert.Equal(original, parsed);
    }
}

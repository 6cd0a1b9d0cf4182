using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using Retail.Generators.Clickstream;
using Retail.Grains.Abstractions.Events;

namespace Retail.UnitTests.Datagen;

public partial class ClickstreamGeneratorTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 5, 14, 7, 9, TimeSpan.Zero);

    private static List<GeneratedClick> Generate(int seed, int count)
    {
        var generator = new ClickstreamGenerator(seed, new FakeTimeProvider(Start));
        return Enumerable.Range(0, count).Select(_ => generator.Next()).ToList();
    }

    [Fact]
    public void The_same_seed_gives_the_same_events()
    {
        var first = Generate(seed: 42, count: 200);
        var second = Generate(seed: 42, count: 200);

        Assert.Equal(first.Select(c => Encoding.UTF8.GetString(c.Value)), second.Select(c => Encoding.UTF8.GetString(c.Value)));
    }

    [Fact]
    public void Different_seeds_give_different_events()
    {
        var first = Generate(seed: 1, count: 50);
        var second = Generate(seed: 2, count: 50);

        Assert.NotEqual(first.Select(c => c.VariantId), second.Select(c => c.VariantId));
    }

    [Fact]
    public void Records_have_the_seed_datagen_fields_and_formats()
    {
        var click = Generate(seed: 3, count: 1)[0];
        var json = Encoding.UTF8.GetString(click.Value);

        Assert.Matches(SeedRecord(), json);
        Assert.Contains("\"time\":\"05/Mar/2026:14:07:09 +0000\"", json, StringComparison.Ordinal);
        Assert.Contains($"\"_time\":{Start.ToUnixTimeMilliseconds()}", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Records_parse_back_to_what_the_generator_says_they_count_for()
    {
        foreach (var click in Generate(seed: 9, count: 500))
        {
            Assert.True(ClickstreamJson.TryParse(click.Value, Start, out var parsed, out var error), error);
            Assert.Equal(click.VariantId, parsed!.VariantId);
            Assert.Equal(click.Activity, parsed.Activity);
        }
    }

    [Fact]
    public void Uses_the_17_variants_and_a_content_view_heavy_mix()
    {
        var clicks = Generate(seed: 5, count: 10_000);

        Assert.Equal(17, clicks.Select(c => c.VariantId).Distinct().Count());
        Assert.All(clicks, c => Assert.Equal(14, c.VariantId.ToString(System.Globalization.CultureInfo.InvariantCulture).Length));
        var views = clicks.Count(c => c.Activity == Activities.ContentView);
        var carts = clicks.Count(c => c.Activity == Activities.AddToCart);
        var purchases = clicks.Count(c => c.Activity == Activities.Purchase);
        Assert.Equal(clicks.Count, views + carts + purchases);
        Assert.True(views > carts && carts > purchases, $"views {views}, carts {carts}, purchases {purchases}");
    }

    [GeneratedRegex("""^\{"ip":"\d{3}\.\d+\.\d+\.\d+","userid":\d{13},"time":"\d{2}/[A-Z][a-z]{2}/\d{4}:\d{2}:\d{2}:\d{2} \+0000","_time":\d+,"product_variant_id":\d{14},"activity":"(contentView|addToCart|purchase)"\}$""")]
    private static partial Regex SeedRecord();
}

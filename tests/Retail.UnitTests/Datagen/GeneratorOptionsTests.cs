using Retail.Datagen;

namespace Retail.UnitTests.Datagen;

public class GeneratorOptionsTests
{
    [Fact]
    public void Parses_every_option()
    {
        var ok = GeneratorOptions.TryParse(
            ["clickstream", "--bootstrap", "kafka:9092", "--topic", "t", "--rate", "250.5", "--count", "1000", "--duration", "30", "--seed", "-7"],
            out var options,
            out var error);

        Assert.True(ok, error);
        Assert.Equal(new GeneratorOptions("clickstream", "kafka:9092", "t", 250.5, 1000, TimeSpan.FromSeconds(30), -7), options);
    }

    [Fact]
    public void Has_seed_pipeline_defaults()
    {
        Assert.True(GeneratorOptions.TryParse(["clickstream", "--bootstrap", "b:1"], out var options, out _));

        Assert.Equal("shopify_clickstream", options!.Topic);
        Assert.Equal(100, options.Rate);
        Assert.Null(options.Count);
        Assert.Null(options.Duration);
        Assert.Equal(1, options.Seed);
    }

    [Theory]
    [InlineData("Unknown mode 'nope'.", "nope", "--bootstrap", "b:1")]
    [InlineData("--bootstrap is required.", "clickstream")]
    [InlineData("--rate must be a number of events per second, 0 or more.", "clickstream", "--bootstrap", "b:1", "--rate", "-1")]
    [InlineData("--count must be a positive integer.", "clickstream", "--bootstrap", "b:1", "--count", "0")]
    [InlineData("--duration must be a positive number of seconds.", "clickstream", "--bootstrap", "b:1", "--duration", "x")]
    [InlineData("--seed must be an integer.", "clickstream", "--bootstrap", "b:1", "--seed", "1.5")]
    [InlineData("Unknown option '--speed'.", "clickstream", "--bootstrap", "b:1", "--speed", "2")]
    [InlineData("Expected '--option value' at '--rate'.", "clickstream", "--bootstrap", "b:1", "--rate")]
    public void Rejects_bad_arguments_with_a_reason(string expected, params string[] args)
    {
        Assert.False(GeneratorOptions.TryParse(args, out var options, out var error));
        Assert.Null(options);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Help_is_not_an_error()
    {
        Assert.False(GeneratorOptions.TryParse(["--help"], out _, out var error));
        Assert.Null(error);
    }
}

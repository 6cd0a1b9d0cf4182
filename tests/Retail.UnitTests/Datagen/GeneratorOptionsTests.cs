using Retail.Datagen;

namespace Retail.UnitTests.Datagen;

public class GeneratorOptionsTests
{
    [Fact]
    public void Parses_every_option()
    {
        var ok = GeneratorOptions.TryParse(
            ["shopify", "--api", "http://localhost:5000", "--topic", "t", "--rate", "250.5", "--count", "1000", "--duration", "30", "--seed", "-7",
             "--secret", "k", "--api-key", "a", "--truth", "truth.json", "--speedup", "60", "--data", "dir",
             "--kafka", "security.protocol=sasl_ssl", "--kafka", "sasl.mechanism=PLAIN"],
            out var options,
            out var error);

        Assert.True(ok, error);
        Assert.Equal(new Dictionary<string, string> { ["security.protocol"] = "sasl_ssl", ["sasl.mechanism"] = "PLAIN" }, options!.KafkaSettings);
        Assert.Equal(new GeneratorOptions("shopify", null, new Uri("http://localhost:5000"), "t", 250.5, 1000, TimeSpan.FromSeconds(30), -7)
        {
            Secret = "k",
            ApiKey = "a",
            TruthFile = "truth.json",
            Speedup = 60,
            DataDirectory = "dir",
            KafkaSettings = options.KafkaSettings,
        }, options);
    }

    [Fact]
    public void Has_seed_pipeline_defaults()
    {
        Assert.True(GeneratorOptions.TryParse(["clickstream", "--bootstrap", "b:1"], out var options, out _));

        Assert.Null(options!.Topic);
        Assert.Equal(100, options.Rate);
        Assert.Null(options.Count);
        Assert.Null(options.Duration);
        Assert.Equal(1, options.Seed);
        Assert.Equal(3600, options.Speedup);
    }

    [Theory]
    [InlineData("Unknown mode 'nope'.", "nope", "--bootstrap", "b:1")]
    [InlineData("Give exactly one target: --bootstrap or --api.", "clickstream")]
    [InlineData("Give exactly one target: --bootstrap or --api.", "clickstream", "--bootstrap", "b:1", "--api", "http://x")]
    [InlineData("--api must be an http or https URL.", "clickstream", "--api", "ftp://x")]
    [InlineData("Webhooks to --api must be signed: give --secret, --secret-file or SHOPIFY_WEBHOOK_SECRET.", "replay-uci", "--api", "http://x")]
    [InlineData("--rate must be a number of records per second, 0 or more.", "clickstream", "--bootstrap", "b:1", "--rate", "-1")]
    [InlineData("--count must be a positive integer.", "clickstream", "--bootstrap", "b:1", "--count", "0")]
    [InlineData("--duration must be a positive number of seconds.", "clickstream", "--bootstrap", "b:1", "--duration", "x")]
    [InlineData("--seed must be an integer.", "clickstream", "--bootstrap", "b:1", "--seed", "1.5")]
    [InlineData("--speedup must be a positive number.", "replay-uci", "--bootstrap", "b:1", "--speedup", "0")]
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

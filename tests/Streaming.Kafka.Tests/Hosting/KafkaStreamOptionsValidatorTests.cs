using Streaming.Kafka.Hosting;

namespace Streaming.Kafka.Tests.Hosting;

public class KafkaStreamOptionsValidatorTests
{
    private static KafkaStreamOptions Valid() => new KafkaStreamOptions { BootstrapServers = "localhost:9092" }.AddTopic("clicks");

    private static IReadOnlyList<string> Errors(KafkaStreamOptions options)
    {
        var result = new KafkaStreamOptionsValidator("kafka").Validate("kafka", options);
        return result.Failed ? [.. result.Failures!] : [];
    }

    [Fact]
    public void Accepts_a_minimal_configuration()
    {
        Assert.Empty(Errors(Valid()));
    }

    [Fact]
    public void Ignores_options_of_other_providers()
    {
        var result = new KafkaStreamOptionsValidator("kafka").Validate("other", new KafkaStreamOptions());

        Assert.True(result.Skipped);
    }

    [Fact]
    public void Rejects_empty_bootstrap_servers()
    {
        var options = Valid();
        options.BootstrapServers = " ";

        Assert.Equal(["Kafka stream provider 'kafka': BootstrapServers is empty. Set it to the brokers' host:port list."], Errors(options));
    }

    [Fact]
    public void Rejects_no_topics()
    {
        var options = new KafkaStreamOptions { BootstrapServers = "b:1" };

        Assert.Equal(["Kafka stream provider 'kafka': no topics are configured to be read. Add at least one with AddTopic(...)."], Errors(options));
    }

    [Fact]
    public void Rejects_duplicate_topics_and_namespaces_and_bad_partition_counts()
    {
        var options = Valid().AddTopic("clicks", "other").AddTopic("more", "clicks");
        options.Topics.Add(new KafkaTopicOptions { Name = "zero", StreamNamespace = "zero", Partitions = 0 });

        Assert.Equal(
            [
                "Kafka stream provider 'kafka': topic 'clicks' is configured twice.",
                "Kafka stream provider 'kafka': stream namespace 'clicks' is mapped to more than one topic.",
                "Kafka stream provider 'kafka': topic 'zero' has 0 partitions; it needs at least 1.",
            ],
            Errors(options));
    }

    [Fact]
    public void Rejects_a_topic_that_is_also_the_dead_letter_topic()
    {
        var options = Valid();
        options.DeadLetterTopic = "clicks";

        Assert.Equal(["Kafka stream provider 'kafka': topic 'clicks' is also the dead-letter topic; a bad record would loop."], Errors(options));
    }

    [Fact]
    public void Rejects_empty_group_dead_letter_topic_batch_size_cache_size_and_timeout()
    {
        var options = Valid();
        options.ConsumerGroupId = "";
        options.DeadLetterTopic = "";
        options.MaxBatchSize = 0;
        options.CacheSize = 0;
        options.MetadataTimeout = TimeSpan.Zero;

        var errors = Errors(options);
        Assert.Equal(5, errors.Count);
        Assert.Contains("Kafka stream provider 'kafka': CacheSize must be at least 1 (was 0).", errors);
    }
}

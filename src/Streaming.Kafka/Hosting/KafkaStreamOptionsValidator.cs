using Microsoft.Extensions.Options;

namespace Streaming.Kafka.Hosting;

/// <summary>Rejects settings that cannot work, at start-up and with a message naming the provider.</summary>
internal sealed class KafkaStreamOptionsValidator(string name) : IValidateOptions<KafkaStreamOptions>
{
    public ValidateOptionsResult Validate(string? optionsName, KafkaStreamOptions options)
    {
        if (!string.Equals(optionsName, name, StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Skip;
        }

        var errors = new List<string>();
        var prefix = $"Kafka stream provider '{name}':";
        if (string.IsNullOrWhiteSpace(options.BootstrapServers))
        {
            errors.Add($"{prefix} BootstrapServers is empty. Set it to the brokers' host:port list.");
        }

        if (string.IsNullOrWhiteSpace(options.ConsumerGroupId))
        {
            errors.Add($"{prefix} ConsumerGroupId is empty. Offsets are committed under this group.");
        }

        if (string.IsNullOrWhiteSpace(options.DeadLetterTopic))
        {
            errors.Add($"{prefix} DeadLetterTopic is empty. Records that cannot be mapped need somewhere to go.");
        }

        if (!options.Topics.Any(t => t.Consume))
        {
            errors.Add($"{prefix} no topics are configured to be read. Add at least one with AddTopic(...).");
        }

        if (options.MaxBatchSize < 1)
        {
            errors.Add($"{prefix} MaxBatchSize must be at least 1 (was {options.MaxBatchSize}).");
        }

        if (options.CacheSize < 1)
        {
            errors.Add($"{prefix} CacheSize must be at least 1 (was {options.CacheSize}).");
        }

        if (options.MetadataTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{prefix} MetadataTimeout must be positive (was {options.MetadataTimeout}).");
        }

        if (options.CommitInterval < TimeSpan.Zero)
        {
            errors.Add($"{prefix} CommitInterval must not be negative (was {options.CommitInterval}).");
        }

        var seenTopics = new HashSet<string>(StringComparer.Ordinal);
        var seenNamespaces = new HashSet<string>(StringComparer.Ordinal);
        foreach (var topic in options.Topics)
        {
            if (string.IsNullOrWhiteSpace(topic.Name))
            {
                errors.Add($"{prefix} a topic has an empty name.");
                continue;
            }

            if (!seenTopics.Add(topic.Name))
            {
                errors.Add($"{prefix} topic '{topic.Name}' is configured twice.");
            }

            if (string.IsNullOrWhiteSpace(topic.StreamNamespace))
            {
                errors.Add($"{prefix} topic '{topic.Name}' has an empty stream namespace.");
            }
            else if (!seenNamespaces.Add(topic.StreamNamespace))
            {
                errors.Add($"{prefix} stream namespace '{topic.StreamNamespace}' is mapped to more than one topic.");
            }

            if (topic.Partitions is < 1)
            {
                errors.Add($"{prefix} topic '{topic.Name}' has {topic.Partitions} partitions; it needs at least 1.");
            }

            if (string.Equals(topic.Name, options.DeadLetterTopic, StringComparison.Ordinal))
            {
                errors.Add($"{prefix} topic '{topic.Name}' is also the dead-letter topic; a bad record would loop.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

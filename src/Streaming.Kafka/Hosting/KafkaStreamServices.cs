using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Streaming.Kafka.Mapping;
using Streaming.Kafka.ExactlyOnce;
using Streaming.Kafka.Providers;

namespace Streaming.Kafka.Hosting;

/// <summary>The services a named Kafka stream provider needs, on silos and clients alike.</summary>
internal static class KafkaStreamServices
{
    public static void Add(IServiceCollection services, string name, Action<OptionsBuilder<KafkaStreamOptions>> configure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);

        var options = services.AddOptions<KafkaStreamOptions>(name);
        configure(options);
        options.ValidateOnStart();
        services.AddSingleton<IValidateOptions<KafkaStreamOptions>>(new KafkaStreamOptionsValidator(name));
        services.TryAddKeyedSingleton<IKafkaRecordMapper, RawRecordMapper>(name);
        services.TryAddKeyedSingleton<IKafkaCommitGate, CommitOnDelivery>(name);
        services.AddKeyedSingleton(name, (sp, _) => new KafkaProducerOwner(
            name,
            sp.GetRequiredService<IOptionsMonitor<KafkaStreamOptions>>().Get(name),
            sp.GetRequiredService<ILogger<KafkaProducerOwner>>()));
        services.AddKeyedSingleton(name, (sp, _) => new KafkaStreamWriter(sp.GetRequiredKeyedService<IQueueAdapterFactory>(name)));
        services.AddMetrics();
        services.TryAddSingleton<KafkaStreamMetrics>();
    }
}

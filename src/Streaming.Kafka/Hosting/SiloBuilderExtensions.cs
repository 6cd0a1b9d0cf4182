using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Hosting;
using Streaming.Kafka.ExactlyOnce;
using Streaming.Kafka.Providers;

namespace Streaming.Kafka.Hosting;

/// <summary>Adds Kafka persistent stream providers to a silo.</summary>
public static class SiloBuilderExtensions
{
    /// <summary>
    /// Adds a persistent stream provider named <paramref name="name"/> that reads and writes Kafka topics.
    /// Register an <see cref="Mapping.IKafkaRecordMapper"/> as a keyed service under the same name to
    /// control how records become events; the default delivers raw <see cref="Mapping.KafkaPayload"/>s.
    /// </summary>
    public static ISiloBuilder AddKafkaStreams(
        this ISiloBuilder builder,
        string name,
        Action<KafkaStreamOptions> configure,
        Action<ISiloPersistentStreamConfigurator>? configureStream = null)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return builder.AddKafkaStreams(name, options => options.Configure(configure), configureStream);
    }

    /// <summary>
    /// Use this overload when the options depend on other services (<c>Configure&lt;TDep&gt;</c>).
    /// </summary>
    /// <remarks>
    /// Adds a persistent stream provider named <paramref name="name"/> that reads and writes Kafka topics.
    /// Register an <see cref="Mapping.IKafkaRecordMapper"/> as a keyed service under the same name to
    /// control how records become events; the default delivers raw <see cref="Mapping.KafkaPayload"/>s.
    /// </remarks>
    public static ISiloBuilder AddKafkaStreams(
        this ISiloBuilder builder,
        string name,
        Action<OptionsBuilder<KafkaStreamOptions>> configureOptions,
        Action<ISiloPersistentStreamConfigurator>? configureStream = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        KafkaStreamServices.Add(builder.Services, name, configureOptions);
        return builder.AddPersistentStreams(name, KafkaAdapterFactory.Create, stream => configureStream?.Invoke(stream));
    }

    /// <summary>
    /// Holds the offset commits of provider <paramref name="name"/> until the grains that consumed the events
    /// below them have made their effects durable (<see cref="DurableConsumerGate"/>). Every implicit subscriber
    /// of the provider's streams must then implement <see cref="IDurableStreamConsumer"/>.
    /// </summary>
    public static ISiloBuilder AddDurableConsumerCommits(this ISiloBuilder builder, string name)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        builder.Services.TryAddSingleton<ImplicitConsumers>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddKeyedSingleton<IKafkaCommitGate, DurableConsumerGate>(name);
        return builder;
    }
}

using Microsoft.Extensions.Options;
using Orleans.Hosting;
using Streaming.Kafka.Providers;

namespace Streaming.Kafka.Hosting;

/// <summary>Adds Kafka persistent stream providers to an Orleans client, which can then publish to them.</summary>
public static class ClientBuilderExtensions
{
    /// <summary>Adds a client-side stream provider named <paramref name="name"/> that writes to Kafka topics.</summary>
    public static IClientBuilder AddKafkaStreams(
        this IClientBuilder builder,
        string name,
        Action<KafkaStreamOptions> configure,
        Action<IClusterClientPersistentStreamConfigurator>? configureStream = null)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return builder.AddKafkaStreams(name, options => options.Configure(configure), configureStream);
    }

    /// <summary>
    /// Use this overload when the options depend on other services (<c>Configure&lt;TDep&gt;</c>).
    /// </summary>
    /// <remarks>Adds a client-side stream provider named <paramref name="name"/> that writes to Kafka topics.</remarks>
    public static IClientBuilder AddKafkaStreams(
        this IClientBuilder builder,
        string name,
        Action<OptionsBuilder<KafkaStreamOptions>> configureOptions,
        Action<IClusterClientPersistentStreamConfigurator>? configureStream = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        KafkaStreamServices.Add(builder.Services, name, configureOptions);
        return builder.AddPersistentStreams(name, KafkaAdapterFactory.Create, configureStream);
    }
}

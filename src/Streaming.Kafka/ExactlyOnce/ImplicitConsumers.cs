using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Metadata;

namespace Streaming.Kafka.ExactlyOnce;

/// <summary>
/// The grains that consume a stream through implicit subscriptions, read from the same grain bindings that
/// Orleans builds from <see cref="ImplicitStreamSubscriptionAttribute"/>: the attributes stay the one place that
/// says which grain consumes which namespace.
/// </summary>
public sealed class ImplicitConsumers
{
    private readonly GrainBindingsResolver _bindings;
    private readonly IStreamNamespacePredicateProvider[] _predicates;
    private readonly IServiceProvider _services;
    // A reference, so that the gate's concurrent calls swap it atomically.
    private Table? _table;

    public ImplicitConsumers(GrainBindingsResolver bindings, IEnumerable<IStreamNamespacePredicateProvider> predicates, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(bindings);
        ArgumentNullException.ThrowIfNull(predicates);
        _bindings = bindings;
        _predicates = [.. predicates];
        _services = services;
    }

    /// <summary>The grains subscribed to <paramref name="streamId"/> implicitly.</summary>
    public IEnumerable<GrainId> Of(StreamId streamId)
    {
        foreach (var subscriber in SubscribersOf(streamId.GetNamespace() ?? string.Empty))
        {
            yield return GrainId.Create(subscriber.Bindings.GrainType, subscriber.Mapper.GetGrainKeyId(subscriber.Bindings, streamId));
        }
    }

    private Subscriber[] SubscribersOf(string streamNamespace)
    {
        var (version, bindings) = _bindings.GetAllBindings();
        var table = _table;
        if (table is null || table.Version != version)
        {
            // The cluster's grain types changed: a silo of another version joined.
            _table = table = new Table(version, Build(bindings.Values));
        }

        return table.ByNamespace.GetOrAdd(
            streamNamespace,
            (ns, subscribers) => [.. subscribers.Where(s => s.Predicate.IsMatch(ns)).Select(s => s.Subscriber)],
            table.Subscribers);
    }

    private List<(IStreamNamespacePredicate, Subscriber)> Build(IEnumerable<GrainBindings> grains)
    {
        var table = new List<(IStreamNamespacePredicate, Subscriber)>();
        foreach (var grain in grains)
        {
            foreach (var binding in grain.Bindings)
            {
                if (!binding.TryGetValue(WellKnownGrainTypeProperties.BindingTypeKey, out var type)
                    || type != WellKnownGrainTypeProperties.StreamBindingTypeValue
                    || !binding.TryGetValue(WellKnownGrainTypeProperties.StreamBindingPatternKey, out var pattern))
                {
                    continue;
                }

                var predicate = PredicateFor(pattern)
                    ?? throw new InvalidOperationException($"No stream namespace predicate understands the pattern '{pattern}' of grain type '{grain.GrainType}'.");
                var mapperName = binding.TryGetValue(WellKnownGrainTypeProperties.StreamIdMapperKey, out var name) && !string.IsNullOrWhiteSpace(name)
                    ? name
                    : DefaultStreamIdMapper.Name;
                var mapper = _services.GetRequiredKeyedService<IStreamIdMapper>(mapperName);
                table.Add((predicate, new Subscriber(grain, mapper)));
            }
        }

        return table;
    }

    private IStreamNamespacePredicate? PredicateFor(string pattern)
    {
        foreach (var provider in _predicates)
        {
            if (provider.TryGetPredicate(pattern, out var predicate))
            {
                return predicate;
            }
        }

        return null;
    }

    private sealed record Subscriber(GrainBindings Bindings, IStreamIdMapper Mapper);

    private sealed record Table(MajorMinorVersion Version, List<(IStreamNamespacePredicate Predicate, Subscriber Subscriber)> Subscribers)
    {
        public ConcurrentDictionary<string, Subscriber[]> ByNamespace { get; } = new(StringComparer.Ordinal);
    }
}

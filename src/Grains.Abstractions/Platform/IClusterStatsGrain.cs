using System.Collections.Immutable;

namespace Retail.Grains.Abstractions.Platform;

/// <summary>
/// Where each silo reports its live throughput and consumer lag, so that any client, such as a standalone
/// API process, can show the whole cluster's figures. Key 0 is the only instance.
/// </summary>
public interface IClusterStatsGrain : IGrainWithIntegerKey
{
    /// <summary>Replaces the reporting silo's latest figures.</summary>
    Task ReportAsync(SiloThroughput report);

    /// <summary>The sum over the silos that reported recently.</summary>
    [AlwaysInterleave]
    Task<ClusterThroughput> GetAsync();

    /// <summary>The sums over the last minutes, a point every few seconds, oldest first.</summary>
    [AlwaysInterleave]
    Task<ImmutableArray<ClusterThroughput>> GetHistoryAsync();
}

/// <summary>One silo's figures at one moment: events applied per second, and records not yet read by its receivers.</summary>
[GenerateSerializer, Immutable]
public sealed record SiloThroughput(
    [property: Id(0)] string Silo,
    [property: Id(1)] double EventsPerSecond,
    [property: Id(2)] long ConsumerLag,
    [property: Id(3)] DateTimeOffset At);

/// <summary>The cluster's figures: sums over <see cref="Silos"/> silos whose latest report is recent.</summary>
[GenerateSerializer, Immutable]
public sealed record ClusterThroughput(
    [property: Id(0)] double EventsPerSecond,
    [property: Id(1)] long ConsumerLag,
    [property: Id(2)] int Silos,
    [property: Id(3)] DateTimeOffset AsOf);

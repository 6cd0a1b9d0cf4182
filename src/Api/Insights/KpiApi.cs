using System.Collections.Immutable;
using Retail.Grains.Abstractions.Insights;
using Retail.Grains.Abstractions.Platform;
using Retail.Grains.Abstractions.Variants;

namespace Retail.Api.Insights;

/// <summary>The KPI page's data: one call, everything the page shows.</summary>
public static class KpiApi
{
    public static IEndpointRouteBuilder MapKpiApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/kpis", GetKpisAsync)
            .WithTags("Insights")
            .WithName("GetKpis")
            .WithSummary("Trending variants, recent price changes, stock risk, and the cluster's events/s and consumer lag as its silos last reported them and over the last minutes, for the live page.");
        return app;
    }

    public static async Task<Ok<KpiResponse>> GetKpisAsync(IClusterClient client, TimeProvider time)
    {
        var stats = client.GetGrain<IClusterStatsGrain>(0);
        var throughputCall = stats.GetAsync();
        var historyCall = stats.GetHistoryAsync();
        var shards = Enumerable.Range(0, IVariantIndexGrain.Shards).Select(s => client.GetGrain<IVariantIndexGrain>(s)).ToList();
        var trending = await Task.WhenAll(shards.Select(s => s.GetTrendingAsync(10)));
        var changes = await Task.WhenAll(shards.Select(s => s.GetRecentPriceChangesAsync(10)));
        var risk = await Task.WhenAll(shards.Select(s => s.GetStockRiskAsync(7)));
        var throughput = await throughputCall;
        return TypedResults.Ok(new KpiResponse(
            [.. trending.SelectMany(t => t).OrderByDescending(v => v.RecentViews).ThenBy(v => v.VariantId).Take(10)],
            [.. changes.SelectMany(c => c).OrderByDescending(d => d.DecidedAt).Take(10).Select(PriceChange.Of)],
            [.. InsightsApi.Likeliest(risk.SelectMany(r => r)).Take(10)],
            Math.Round(throughput.EventsPerSecond, 1),
            throughput.ConsumerLag,
            throughput.Silos,
            await historyCall,
            time.GetUtcNow()));
    }
}

/// <summary>The body of <c>GET /api/kpis</c>.</summary>
public sealed record KpiResponse(
    ImmutableArray<TrendingVariant> Trending,
    ImmutableArray<PriceChange> PriceChanges,
    ImmutableArray<StockRiskVariant> StockRisk,
    double EventsPerSecond,
    long ConsumerLag,
    int ReportingSilos,
    ImmutableArray<ClusterThroughput> Throughput,
    DateTimeOffset AsOf);

/// <summary>A price change and which way it went.</summary>
public sealed record PriceChange(long VariantId, decimal? OldPrice, decimal NewPrice, string Direction, string Policy, string Reason, DateTimeOffset DecidedAt)
{
    public static PriceChange Of(PriceDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var direction = decision.OldPrice is not { } old ? "new" : decision.NewPrice > old ? "up" : decision.NewPrice < old ? "down" : "same";
        return new PriceChange(decision.VariantId, decision.OldPrice, decision.NewPrice, direction, decision.Policy, decision.Reason, decision.DecidedAt);
    }
}

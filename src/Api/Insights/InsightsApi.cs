using System.Collections.Immutable;
using System.ComponentModel.DataAnnotations;
using Retail.Grains.Abstractions.Insights;

namespace Retail.Api.Insights;

/// <summary>Views across variants, read from the index shards.</summary>
public static class InsightsApi
{
    public const int MaxLimit = 100;
    public const double MaxDays = 3650;

    public static IEndpointRouteBuilder MapInsightsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Insights");
        api.MapGet("/trending", GetTrendingAsync)
            .WithName("GetTrending")
            .WithSummary("Variants with the most content views in the last 15 minutes.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/stock-risk", GetStockRiskAsync)
            .WithName("GetStockRisk")
            .WithSummary("Variants with at least a one-in-ten chance of selling out within the given number of days, likeliest first.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    public static async Task<Ok<ImmutableArray<TrendingVariant>>> GetTrendingAsync(
        IClusterClient client,
        [Range(1, MaxLimit, ErrorMessage = "limit must be an integer from 1 to 100.")] int limit = 10)
    {
        var shards = await Task.WhenAll(Shards().Select(s => client.GetGrain<IVariantIndexGrain>(s).GetTrendingAsync(limit)));
        return TypedResults.Ok(shards.SelectMany(s => s)
            .OrderByDescending(v => v.RecentViews)
            .ThenBy(v => v.VariantId)
            .Take(limit)
            .ToImmutableArray());
    }

    public static async Task<Ok<ImmutableArray<StockRiskVariant>>> GetStockRiskAsync(
        IClusterClient client,
        [Range(0d, MaxDays, MinimumIsExclusive = true, ErrorMessage = "days must be a number above 0 and at most 3650.")] double days = 7)
    {
        var shards = await Task.WhenAll(Shards().Select(s => client.GetGrain<IVariantIndexGrain>(s).GetStockRiskAsync(days)));
        return TypedResults.Ok(Likeliest(shards.SelectMany(s => s)).ToImmutableArray());
    }

    /// <summary>Stock-risk variants from several shards, likeliest to sell out first, then soonest.</summary>
    internal static IEnumerable<StockRiskVariant> Likeliest(IEnumerable<StockRiskVariant> variants) =>
        variants.OrderByDescending(v => v.SellOutProbability).ThenBy(v => v.DaysOfInventory).ThenBy(v => v.VariantId);

    private static IEnumerable<int> Shards() => Enumerable.Range(0, IVariantIndexGrain.Shards);
}

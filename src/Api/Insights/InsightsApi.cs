using System.Collections.Immutable;
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

    public static async Task<Results<Ok<ImmutableArray<TrendingVariant>>, ProblemHttpResult>> GetTrendingAsync(IClusterClient client, string? limit = null)
    {
        var count = 10;
        if (limit is not null && (!int.TryParse(limit, out count) || count < 1 || count > MaxLimit))
        {
            return Invalid("limit", $"'{limit}' is not a valid limit; expected an integer from 1 to {MaxLimit}.");
        }

        var shards = await Task.WhenAll(Shards().Select(s => client.GetGrain<IVariantIndexGrain>(s).GetTrendingAsync(count)));
        return TypedResults.Ok(shards.SelectMany(s => s)
            .OrderByDescending(v => v.RecentViews)
            .ThenBy(v => v.VariantId)
            .Take(count)
            .ToImmutableArray());
    }

    public static async Task<Results<Ok<ImmutableArray<StockRiskVariant>>, ProblemHttpResult>> GetStockRiskAsync(IClusterClient client, string? days = null)
    {
        var horizon = 7.0;
        if (days is not null && (!double.TryParse(days, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out horizon) || !(horizon > 0) || horizon > MaxDays))
        {
            return Invalid("days", $"'{days}' is not a valid number of days; expected a number above 0 and at most {MaxDays}.");
        }

        var shards = await Task.WhenAll(Shards().Select(s => client.GetGrain<IVariantIndexGrain>(s).GetStockRiskAsync(horizon)));
        return TypedResults.Ok(Likeliest(shards.SelectMany(s => s)).ToImmutableArray());
    }

    /// <summary>Stock-risk variants from several shards, likeliest to sell out first, then soonest.</summary>
    internal static IEnumerable<StockRiskVariant> Likeliest(IEnumerable<StockRiskVariant> variants) =>
        variants.OrderByDescending(v => v.SellOutProbability).ThenBy(v => v.DaysOfInventory).ThenBy(v => v.VariantId);

    private static IEnumerable<int> Shards() => Enumerable.Range(0, IVariantIndexGrain.Shards);

    private static ProblemHttpResult Invalid(string parameter, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"Invalid {parameter}", detail: detail);
}

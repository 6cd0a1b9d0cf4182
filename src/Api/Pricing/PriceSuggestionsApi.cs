using System.Collections.Immutable;
using System.Globalization;
using Retail.Api.Security;
using Retail.Grains.Abstractions.Insights;
using Retail.Grains.Abstractions.Variants;

namespace Retail.Api.Pricing;

/// <summary>Price decisions waiting for an operator (<c>Pricing:Apply=suggest</c>): list, approve, reject. Operator only.</summary>
public static class PriceSuggestionsApi
{
    /// <summary>Most suggestions listed.</summary>
    public const int Listed = 100;

    public static IEndpointRouteBuilder MapPriceSuggestionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/price-suggestions").WithTags("Pricing").RequireAuthorization(AccessPolicies.Operator);
        api.MapGet(string.Empty, GetSuggestionsAsync)
            .WithName("GetPriceSuggestions")
            .WithSummary("Price decisions waiting for approval, newest first.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        foreach (var (action, name, summary, handler) in new (string, string, string, Delegate)[]
        {
            ("approve", "ApprovePriceSuggestion", "Writes the variant's waiting suggestion to Shopify; answers the suggestion.", ApproveAsync),
            ("reject", "RejectPriceSuggestion", "Drops the variant's waiting suggestion; answers the suggestion.", RejectAsync),
        })
        {
            api.MapPost($"/{{variantId}}/{action}", handler)
                .WithName(name)
                .WithSummary(summary)
                .ProducesProblem(StatusCodes.Status400BadRequest)
                .ProducesProblem(StatusCodes.Status401Unauthorized)
                .ProducesProblem(StatusCodes.Status404NotFound);
        }

        return app;
    }

    public static async Task<Ok<ImmutableArray<PriceDecision>>> GetSuggestionsAsync(IClusterClient client)
    {
        var shards = await Task.WhenAll(Enumerable.Range(0, IVariantIndexGrain.Shards).Select(s => client.GetGrain<IVariantIndexGrain>(s).GetSuggestionsAsync(Listed)));
        return TypedResults.Ok(shards.SelectMany(s => s).OrderByDescending(d => d.DecidedAt).ThenBy(d => d.VariantId).Take(Listed).ToImmutableArray());
    }

    public static Task<Results<Ok<PriceDecision>, ProblemHttpResult>> ApproveAsync([ShopifyId] long variantId, IClusterClient client) =>
        DecideAsync(variantId, client, grain => grain.ApproveSuggestionAsync());

    public static Task<Results<Ok<PriceDecision>, ProblemHttpResult>> RejectAsync([ShopifyId] long variantId, IClusterClient client) =>
        DecideAsync(variantId, client, grain => grain.RejectSuggestionAsync());

    private static async Task<Results<Ok<PriceDecision>, ProblemHttpResult>> DecideAsync(long variantId, IClusterClient client, Func<IProductVariantGrain, Task<PriceDecision?>> decide)
    {
        return await decide(client.GetGrain<IProductVariantGrain>(variantId)) is { } suggestion
            ? TypedResults.Ok(suggestion)
            : TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "No suggestion",
                detail: string.Create(CultureInfo.InvariantCulture, $"No price suggestion waits for variant {variantId}."));
    }
}

using System.Globalization;
using Retail.Grains.Abstractions.Variants;

namespace Retail.Api.Variants;

/// <summary>Reads variant state by Shopify variant id.</summary>
public static class VariantsApi
{
    public static IEndpointRouteBuilder MapVariantsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/variants").WithTags("Variants");
        api.MapGet("/{variantId}", GetVariantAsync)
            .WithName("GetVariant")
            .WithSummary("A variant's Shopify facts, activity, dynamic price, price written to Shopify and sell-through forecast; 410 once its product is deleted.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone);
        api.MapGet("/{variantId}/price-history", GetPriceHistoryAsync)
            .WithName("GetPriceHistory")
            .WithSummary("The variant's recent price decisions, newest first.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Results<Ok<VariantSnapshot>, ProblemHttpResult>> GetVariantAsync([ShopifyId] long variantId, IClusterClient client)
    {
        return await client.GetGrain<IProductVariantGrain>(variantId).GetSnapshotAsync() switch
        {
            null => NotSeen(variantId),
            { DeletedAt: { } deletedAt } => TypedResults.Problem(
                statusCode: StatusCodes.Status410Gone,
                title: "Variant deleted",
                detail: string.Create(CultureInfo.InvariantCulture, $"Variant {variantId}'s product was deleted in Shopify at {deletedAt:O}.")),
            var snapshot => TypedResults.Ok(snapshot),
        };
    }

    public static async Task<Results<Ok<IReadOnlyList<PriceDecision>>, ProblemHttpResult>> GetPriceHistoryAsync([ShopifyId] long variantId, IClusterClient client)
    {
        var grain = client.GetGrain<IProductVariantGrain>(variantId);
        if (await grain.GetSnapshotAsync() is null)
        {
            return NotSeen(variantId);
        }

        return TypedResults.Ok(await grain.GetPriceHistoryAsync());
    }

    private static ProblemHttpResult NotSeen(long id) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: "Variant not found",
            detail: string.Create(CultureInfo.InvariantCulture, $"No event has been seen for variant {id}."));
}

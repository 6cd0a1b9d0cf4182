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
            .WithSummary("The variant's current state: activity counts and when it last changed.");
        return app;
    }

    public static async Task<Results<Ok<VariantSnapshot>, ProblemHttpResult>> GetVariantAsync(string variantId, IClusterClient client)
    {
        if (!TryParseId(variantId, out var id))
        {
            return InvalidId(variantId);
        }

        var snapshot = await client.GetGrain<IProductVariantGrain>(id).GetSnapshotAsync();
        return snapshot is null
            ? TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Variant not found",
                detail: $"No event has been seen for variant {id}.")
            : TypedResults.Ok(snapshot);
    }

    /// <summary>Shopify ids are positive 64-bit integers; anything else is a client error.</summary>
    internal static bool TryParseId(string text, out long id) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;

    internal static ProblemHttpResult InvalidId(string text) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: "Invalid variant id",
            detail: $"'{text}' is not a variant id; expected a positive 64-bit integer.");
}

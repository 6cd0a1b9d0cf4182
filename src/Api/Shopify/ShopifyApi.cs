using Retail.Api.Security;
using Retail.Grains.Abstractions.Shopify;

namespace Retail.Api.Shopify;

/// <summary>The catalog sync from Shopify: its status, and a new sync on request (operator only).</summary>
public static class ShopifyApi
{
    public static IEndpointRouteBuilder MapShopifyApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/shopify").WithTags("Shopify").RequireAuthorization(AccessPolicies.Operator);
        api.MapGet("/sync", GetSyncAsync)
            .WithName("GetShopifySync")
            .WithSummary("Where the catalog sync stands: state, products and variants read, last error; and whether the app is uninstalled.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapPost("/sync", StartSyncAsync)
            .WithName("StartShopifySync")
            .WithSummary("Starts a catalog sync, unless one is running. 202 with the status; 409 when Shopify is not connected.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    public static async Task<Ok<ShopifySyncStatus>> GetSyncAsync(IClusterClient client) =>
        TypedResults.Ok(await client.GetGrain<IShopGrain>(IShopGrain.Key).GetStatusAsync());

    public static async Task<Results<Accepted<ShopifySyncStatus>, ProblemHttpResult>> StartSyncAsync(IClusterClient client)
    {
        var status = await client.GetGrain<IShopGrain>(IShopGrain.Key).StartSyncAsync();
        return status.State == "off"
            ? TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Shopify not connected",
                detail: "Set Shopify:Shop and Shopify:AdminToken to sync the catalog.")
            : TypedResults.Accepted("/api/shopify/sync", status);
    }
}

using System.Globalization;
using Retail.Grains.Abstractions.Products;
using Retail.Grains.Abstractions.Variants;

namespace Retail.Api.Products;

/// <summary>Reads a product and its variants.</summary>
public static class ProductsApi
{
    public static IEndpointRouteBuilder MapProductsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/products").WithTags("Products")
            .MapGet("/{productId}", GetProductAsync)
            .WithName("GetProduct")
            .WithSummary("The product and the current state of its variants.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Results<Ok<ProductResponse>, ProblemHttpResult>> GetProductAsync([ShopifyId] long productId, IClusterClient client)
    {
        var product = await client.GetGrain<IProductGrain>(productId).GetSnapshotAsync();
        if (product is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Product not found",
                detail: string.Create(CultureInfo.InvariantCulture, $"No update has been seen for product {productId}."));
        }

        var variants = await Task.WhenAll(product.VariantIds.Select(v => client.GetGrain<IProductVariantGrain>(v).GetSnapshotAsync()));
        return TypedResults.Ok(new ProductResponse(product.ProductId, product.Title, product.Vendor, product.UpdatedAt, [.. variants.OfType<VariantSnapshot>()]));
    }
}

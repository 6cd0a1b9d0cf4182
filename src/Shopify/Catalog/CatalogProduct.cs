using System.Collections.Immutable;

namespace Retail.Shopify.Catalog;

/// <summary>One product as the Admin API's <c>products</c> connection gives it.</summary>
public sealed record CatalogProduct(long ProductId, string? Title, string? Vendor, DateTimeOffset? UpdatedAt, ImmutableArray<CatalogVariant> Variants);

/// <summary>One variant of a <see cref="CatalogProduct"/>.</summary>
public sealed record CatalogVariant(long VariantId, string? Title, string? Sku, decimal? Price, long? InventoryQuantity, long? InventoryItemId);

/// <summary>A page of products, and the cursor of the next page (<c>null</c> after the last).</summary>
public sealed record CatalogPage(ImmutableArray<CatalogProduct> Products, string? NextCursor);

/// <summary>A price to write to one variant.</summary>
public sealed record VariantPrice(long VariantId, decimal Price);

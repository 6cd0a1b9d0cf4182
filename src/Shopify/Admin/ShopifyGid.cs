namespace Retail.Shopify.Admin;

/// <summary>Shopify's global ids (<c>gid://shopify/ProductVariant/123</c>) and the 64-bit ids inside them.</summary>
public static class ShopifyGid
{
    /// <summary>The global id of <paramref name="id"/> as a <paramref name="type"/>.</summary>
    public static string Of(string type, long id) => string.Create(CultureInfo.InvariantCulture, $"gid://shopify/{type}/{id}");

    /// <summary>The numeric id at the end of a global id; <c>null</c> when there is none.</summary>
    public static long? Id(string? gid)
    {
        var slash = gid?.LastIndexOf('/') ?? -1;
        return slash >= 0 && long.TryParse(gid.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;
    }
}

using System.ComponentModel.DataAnnotations;

namespace Retail.Shopify;

/// <summary>
/// The connection to a shop's Admin GraphQL API, bound from <c>Shopify</c>. Without <see cref="Shop"/> and
/// <see cref="AdminToken"/> nothing talks to Shopify.
/// </summary>
public sealed class ShopifyAdminOptions
{
    public const string Section = "Shopify";

    /// <summary>The shop's <c>*.myshopify.com</c> domain.</summary>
    public string? Shop { get; set; }

    /// <summary>The Admin API access token, sent as <c>X-Shopify-Access-Token</c>. A secret: never logged.</summary>
    public string? AdminToken { get; set; }

    /// <summary>The Admin API version in the endpoint's path.</summary>
    public string ApiVersion { get; set; } = "2025-10";

    /// <summary>The full GraphQL endpoint URL, instead of the one made from <see cref="Shop"/> (for tests and proxies).</summary>
    public Uri? AdminApiUrl { get; set; }

    /// <summary>
    /// Products per page of the catalog sync. Each asks for up to 100 variants, about 200 cost points, and Shopify
    /// refuses a query that may cost more than 1,000: so 4 by default.
    /// </summary>
    [Range(1, 250)]
    public int SyncPageSize { get; set; } = 4;

    /// <summary>Attempts per request on throttling, 5xx and network errors, before the request fails.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 6;

    /// <summary>The first retry's backoff after a 5xx or network error; it doubles on each retry, to at most 30 s.</summary>
    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Whether a shop and a token are both set.</summary>
    public bool Connected => !string.IsNullOrWhiteSpace(Shop) && !string.IsNullOrWhiteSpace(AdminToken);

    /// <summary>The GraphQL endpoint. A method, so that validating the options does not build it from an unset shop.</summary>
    public Uri Endpoint() => AdminApiUrl ?? new Uri($"https://{Shop}/admin/api/{ApiVersion}/graphql.json");
}

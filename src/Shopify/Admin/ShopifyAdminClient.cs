using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using Retail.Shopify.Catalog;

namespace Retail.Shopify.Admin;

/// <summary>
/// A typed client of the Admin GraphQL API. Every request waits for room in the shared <see cref="CostThrottle"/>,
/// and is retried with backoff on THROTTLED, 429, 5xx and network errors, at most
/// <see cref="ShopifyAdminOptions.MaxAttempts"/> times. Other GraphQL errors fail at once; a mutation's
/// <c>userErrors</c> are returned to the caller, never retried.
/// </summary>
public sealed partial class ShopifyAdminClient(
    HttpClient http,
    IOptions<ShopifyAdminOptions> options,
    CostThrottle throttle,
    TimeProvider time,
    ILogger<ShopifyAdminClient> logger)
{
    /// <summary>The header that carries the token.</summary>
    public const string TokenHeader = "X-Shopify-Access-Token";

    // What a query cost last time, so the throttle can make room for it before it is sent; a first guess until then.
    private static readonly ConcurrentDictionary<string, double> LastCost = new(StringComparer.Ordinal);
    private const double FirstGuess = 50;

    private const string ProductsQuery = """
        query SyncProducts($first: Int!, $after: String) {
          products(first: $first, after: $after) {
            pageInfo { hasNextPage endCursor }
            nodes {
              id title vendor updatedAt
              variants(first: 100) {
                nodes { id title sku price inventoryQuantity inventoryItem { id } }
              }
            }
          }
        }
        """;

    private const string PricesMutation = """
        mutation WritePrices($productId: ID!, $variants: [ProductVariantsBulkInput!]!) {
          productVariantsBulkUpdate(productId: $productId, variants: $variants) {
            productVariants { id price }
            userErrors { field message code }
          }
        }
        """;

    private readonly ShopifyAdminOptions _options = options.Value;

    /// <summary>One page of products with their variants, after <paramref name="cursor"/>.</summary>
    public async Task<CatalogPage> ReadProductsAsync(string? cursor, CancellationToken cancellationToken)
    {
        var data = await ExecuteAsync("SyncProducts", ProductsQuery, new Dictionary<string, object?> { ["first"] = _options.SyncPageSize, ["after"] = cursor }, cancellationToken);
        var products = data.GetProperty("products");
        var page = ImmutableArray.CreateBuilder<CatalogProduct>();
        foreach (var node in products.GetProperty("nodes").EnumerateArray())
        {
            var productId = ShopifyGid.Id(String(node, "id")) ?? throw new ShopifyAdminException("A product without a numeric id.", transient: false);
            var variants = ImmutableArray.CreateBuilder<CatalogVariant>();
            foreach (var variant in node.GetProperty("variants").GetProperty("nodes").EnumerateArray())
            {
                variants.Add(new CatalogVariant(
                    ShopifyGid.Id(String(variant, "id")) ?? throw new ShopifyAdminException("A variant without a numeric id.", transient: false),
                    String(variant, "title"),
                    String(variant, "sku"),
                    decimal.TryParse(String(variant, "price"), NumberStyles.Number, CultureInfo.InvariantCulture, out var price) ? price : null,
                    variant.TryGetProperty("inventoryQuantity", out var quantity) && quantity.ValueKind == JsonValueKind.Number ? quantity.GetInt64() : null,
                    variant.TryGetProperty("inventoryItem", out var item) && item.ValueKind == JsonValueKind.Object ? ShopifyGid.Id(String(item, "id")) : null));
            }

            page.Add(new CatalogProduct(
                productId,
                String(node, "title"),
                String(node, "vendor"),
                DateTimeOffset.TryParse(String(node, "updatedAt"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var updatedAt) ? updatedAt : null,
                variants.ToImmutable()));
        }

        var info = products.GetProperty("pageInfo");
        var next = info.GetProperty("hasNextPage").GetBoolean() ? String(info, "endCursor") : null;
        return new CatalogPage(page.ToImmutable(), next);
    }

    /// <summary>Writes the prices of several variants of one product in one <c>productVariantsBulkUpdate</c>; returns its <c>userErrors</c>.</summary>
    public async Task<ImmutableArray<UserError>> UpdateVariantPricesAsync(long productId, IReadOnlyList<VariantPrice> prices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prices);
        var variables = new Dictionary<string, object?>
        {
            ["productId"] = ShopifyGid.Of("Product", productId),
            ["variants"] = prices.Select(p => new Dictionary<string, string>
            {
                ["id"] = ShopifyGid.Of("ProductVariant", p.VariantId),
                ["price"] = p.Price.ToString("0.00", CultureInfo.InvariantCulture),
            }).ToArray(),
        };
        var data = await ExecuteAsync("WritePrices", PricesMutation, variables, cancellationToken);
        var errors = ImmutableArray.CreateBuilder<UserError>();
        if (data.TryGetProperty("productVariantsBulkUpdate", out var payload) && payload.ValueKind == JsonValueKind.Object
            && payload.TryGetProperty("userErrors", out var userErrors) && userErrors.ValueKind == JsonValueKind.Array)
        {
            foreach (var error in userErrors.EnumerateArray())
            {
                var field = error.TryGetProperty("field", out var f) && f.ValueKind == JsonValueKind.Array
                    ? string.Join('.', f.EnumerateArray().Select(p => p.ToString()))
                    : null;
                errors.Add(new UserError(String(error, "message") ?? "(no message)", field, String(error, "code")));
            }
        }

        return errors.ToImmutable();
    }

    /// <summary>Sends one GraphQL operation within the throttle, retrying what can succeed later; returns its <c>data</c>.</summary>
    private async Task<JsonElement> ExecuteAsync(string operation, string query, Dictionary<string, object?> variables, CancellationToken cancellationToken)
    {
        var backoff = _options.RetryBackoff;
        for (var attempt = 1; ; attempt++)
        {
            var wait = throttle.Reserve(LastCost.GetValueOrDefault(operation, FirstGuess));
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken);
            }

            string failure;
            TimeSpan retryAfter;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, _options.Endpoint())
                {
                    Content = JsonContent.Create(new { query, variables }),
                };
                request.Headers.Add(TokenHeader, _options.AdminToken);
                using var response = await http.SendAsync(request, cancellationToken);
                if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                {
                    throw new ShopifyAdminException($"{operation}: the Admin API refused the token ({(int)response.StatusCode}).", transient: false);
                }

                var status = (int)response.StatusCode;
                if (status == 429 || status >= 500)
                {
                    failure = $"HTTP {status}";
                    retryAfter = response.Headers.RetryAfter?.Delta ?? backoff;
                }
                else if (!response.IsSuccessStatusCode)
                {
                    throw new ShopifyAdminException($"{operation}: the Admin API answered {status}.", transient: false);
                }
                else
                {
                    using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
                    var root = document.RootElement;
                    if (ThrottleStatus.Read(root) is var (throttleStatus, requested))
                    {
                        throttle.Observe(throttleStatus);
                        if (requested is { } cost)
                        {
                            LastCost[operation] = cost;
                        }
                    }

                    var errors = Errors(root);
                    if (errors.Length == 0 && root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object)
                    {
                        return data.Clone();
                    }

                    if (!errors.Any(e => e.Code == "THROTTLED"))
                    {
                        throw new ShopifyAdminException($"{operation}: {string.Join("; ", errors.Select(e => e.Message).DefaultIfEmpty("no data"))}", transient: false);
                    }

                    failure = "THROTTLED";
                    // The throttle now knows the bucket: the next reservation waits for it to refill.
                    retryAfter = TimeSpan.Zero;
                }
            }
            catch (HttpRequestException ex)
            {
                failure = ex.Message;
                retryAfter = backoff;
            }
            catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                failure = $"timed out: {ex.Message}";
                retryAfter = backoff;
            }

            if (attempt >= _options.MaxAttempts)
            {
                throw new ShopifyAdminException($"{operation} failed {attempt} times; last: {failure}", transient: true);
            }

            LogRetry(logger, operation, attempt, failure, retryAfter);
            if (retryAfter > TimeSpan.Zero)
            {
                await Task.Delay(retryAfter, time, cancellationToken);
            }

            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
        }
    }

    private static ImmutableArray<(string Message, string? Code)> Errors(JsonElement root)
    {
        if (!root.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return [.. errors.EnumerateArray().Select(e => (
            String(e, "message") ?? "(no message)",
            e.TryGetProperty("extensions", out var x) && x.ValueKind == JsonValueKind.Object ? String(x, "code") : null))];
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shopify Admin API {Operation}, attempt {Attempt}: {Failure}; retrying after {RetryAfter}")]
    private static partial void LogRetry(ILogger logger, string operation, int attempt, string failure, TimeSpan retryAfter);
}

using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Retail.Tests.Shared;

/// <summary>
/// A FAKE of Shopify's Admin GraphQL API, for tests only: a real HTTP server on a free loopback port that answers the
/// catalog query and <c>productVariantsBulkUpdate</c> the way Shopify does, with <c>extensions.cost.throttleStatus</c>,
/// THROTTLED errors when told to, and <c>userErrors</c> for refused variants. It records what it was asked.
/// </summary>
internal sealed class FakeShopifyAdmin : IAsyncDisposable
{
    /// <summary>The token the fake accepts; a test value, not anybody's secret.</summary>
    public const string Token = "fake-admin-token";

    private readonly WebApplication _app;
    private readonly IReadOnlyList<FakeProduct> _catalog;
    private int _throttleWrites;
    private int _failures;
    private int _requests;

    private FakeShopifyAdmin(IReadOnlyList<FakeProduct> catalog, int throttleWrites, IReadOnlySet<long> refusedVariants)
    {
        _catalog = catalog;
        _throttleWrites = throttleWrites;
        RefusedVariants = refusedVariants;
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/admin/api/graphql.json", AnswerAsync);
        _app.StartAsync().GetAwaiter().GetResult();
        Url = new Uri($"http://127.0.0.1:{port}/admin/api/graphql.json");
    }

    /// <summary>The GraphQL endpoint, for <c>Shopify:AdminApiUrl</c>.</summary>
    public Uri Url { get; }

    /// <summary>The <c>after</c> cursor of every catalog page asked for, in order (<c>null</c> for the first).</summary>
    public ConcurrentQueue<string?> PagesAsked { get; } = new();

    /// <summary>Every <c>productVariantsBulkUpdate</c>, in order, with how it was answered.</summary>
    public ConcurrentQueue<FakePriceWrite> Writes { get; } = new();

    /// <summary>Requests answered so far, of every kind.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Makes the next <paramref name="count"/> requests answer 503, as Shopify does when it is down.</summary>
    public void FailNext(int count) => Interlocked.Exchange(ref _failures, count);

    /// <summary>Variants whose price writes are refused with <c>userErrors</c>.</summary>
    public IReadOnlySet<long> RefusedVariants { get; }

    /// <summary>Starts a fake serving <paramref name="catalog"/>; its first <paramref name="throttleWrites"/> writes answer THROTTLED.</summary>
    public static FakeShopifyAdmin Start(IReadOnlyList<FakeProduct> catalog, int throttleWrites = 0, IReadOnlySet<long>? refusedVariants = null) =>
        new(catalog, throttleWrites, refusedVariants ?? new HashSet<long>());

    /// <summary>The settings that point a silo at this fake.</summary>
    public Dictionary<string, string> Settings() => new()
    {
        ["Shopify:Shop"] = "fake-shop.myshopify.com",
        ["Shopify:AdminToken"] = Token,
        ["Shopify:AdminApiUrl"] = Url.ToString(),
    };

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task AnswerAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        if (Interlocked.Decrement(ref _failures) >= 0)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        if (context.Request.Headers["X-Shopify-Access-Token"] != Token)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await context.Response.WriteAsJsonAsync(new { errors = "[API] Invalid API key or access token (unrecognized login or wrong password)" });
            return;
        }

        var request = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        var query = request["query"]!.GetValue<string>();
        var variables = request["variables"]?.AsObject() ?? [];
        var answer = query.Contains("productVariantsBulkUpdate", StringComparison.Ordinal) ? Write(variables) : Products(variables);
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer.ToJsonString());
    }

    private JsonObject Products(JsonObject variables)
    {
        var first = variables["first"]!.GetValue<int>();
        var after = variables["after"]?.GetValue<string>();
        PagesAsked.Enqueue(after);
        var start = after is null ? 0 : int.Parse(after.AsSpan(1), CultureInfo.InvariantCulture);
        var page = _catalog.Skip(start).Take(first).ToList();
        var end = start + page.Count;
        var nodes = new JsonArray([.. page.Select(p => (JsonNode)new JsonObject
        {
            ["id"] = $"gid://shopify/Product/{p.Id}",
            ["title"] = p.Title,
            ["vendor"] = "Fake Vendor",
            ["updatedAt"] = "2026-11-20T10:00:00Z",
            ["variants"] = new JsonObject
            {
                ["nodes"] = new JsonArray([.. p.Variants.Select(v => (JsonNode)new JsonObject
                {
                    ["id"] = $"gid://shopify/ProductVariant/{v.Id}",
                    ["title"] = "Default Title",
                    ["sku"] = v.Sku,
                    ["price"] = v.Price.ToString("0.00", CultureInfo.InvariantCulture),
                    ["inventoryQuantity"] = v.Quantity,
                    ["inventoryItem"] = new JsonObject { ["id"] = $"gid://shopify/InventoryItem/{v.InventoryItemId}" },
                })]),
            },
        })]);
        return new JsonObject
        {
            ["data"] = new JsonObject
            {
                ["products"] = new JsonObject
                {
                    ["pageInfo"] = new JsonObject { ["hasNextPage"] = end < _catalog.Count, ["endCursor"] = $"c{end}" },
                    ["nodes"] = nodes,
                },
            },
            // Shopify's estimate: a connection costs 2 plus its size, each variant 1 and its inventory item 1.
            ["extensions"] = Cost(requested: 2 + (first * 202), available: 1990),
        };
    }

    private JsonObject Write(JsonObject variables)
    {
        var productId = long.Parse(variables["productId"]!.GetValue<string>().Split('/')[^1], CultureInfo.InvariantCulture);
        var prices = variables["variants"]!.AsArray()
            .Select(v => (VariantId: long.Parse(v!["id"]!.GetValue<string>().Split('/')[^1], CultureInfo.InvariantCulture), Price: decimal.Parse(v["price"]!.GetValue<string>(), CultureInfo.InvariantCulture)))
            .ToArray();
        if (Interlocked.Decrement(ref _throttleWrites) >= 0)
        {
            Writes.Enqueue(new FakePriceWrite(productId, prices, "THROTTLED"));
            return new JsonObject
            {
                ["errors"] = new JsonArray(new JsonObject
                {
                    ["message"] = "Throttled",
                    ["extensions"] = new JsonObject { ["code"] = "THROTTLED", ["documentation"] = "https://shopify.dev/api/usage/rate-limits" },
                }),
                // Empty, refilling fast, so the client's wait is short but real.
                ["extensions"] = Cost(requested: 10, available: 0, restoreRate: 200),
            };
        }

        var refused = prices.Select((p, i) => (p, i)).Where(x => RefusedVariants.Contains(x.p.VariantId)).ToList();
        Writes.Enqueue(new FakePriceWrite(productId, prices, refused.Count == 0 ? "written" : "userErrors"));
        var userErrors = new JsonArray([.. refused.Select(x => (JsonNode)new JsonObject
        {
            ["field"] = new JsonArray("variants", x.i.ToString(CultureInfo.InvariantCulture), "price"),
            ["message"] = "Price is not allowed for this variant",
            ["code"] = "INVALID_INPUT",
        })]);
        return new JsonObject
        {
            ["data"] = new JsonObject
            {
                ["productVariantsBulkUpdate"] = new JsonObject
                {
                    ["productVariants"] = refused.Count == 0
                        ? new JsonArray([.. prices.Select(p => (JsonNode)new JsonObject { ["id"] = $"gid://shopify/ProductVariant/{p.VariantId}", ["price"] = p.Price.ToString("0.00", CultureInfo.InvariantCulture) })])
                        : null,
                    ["userErrors"] = userErrors,
                },
            },
            ["extensions"] = Cost(requested: 10, available: 990),
        };
    }

    private static JsonObject Cost(int requested, double available, double restoreRate = 100) => new()
    {
        ["cost"] = new JsonObject
        {
            ["requestedQueryCost"] = requested,
            ["actualQueryCost"] = available > 0 ? requested : null,
            ["throttleStatus"] = new JsonObject { ["maximumAvailable"] = 2000.0, ["currentlyAvailable"] = available, ["restoreRate"] = restoreRate },
        },
    };
}

/// <summary>A product of the fake's catalog.</summary>
internal sealed record FakeProduct(long Id, string Title, params FakeVariant[] Variants);

/// <summary>A variant of a <see cref="FakeProduct"/>.</summary>
internal sealed record FakeVariant(long Id, string Sku, decimal Price, long Quantity, long InventoryItemId);

/// <summary>One <c>productVariantsBulkUpdate</c> the fake received, and its answer: <c>written</c>, <c>THROTTLED</c> or <c>userErrors</c>.</summary>
internal sealed record FakePriceWrite(long ProductId, (long VariantId, decimal Price)[] Prices, string Answer);

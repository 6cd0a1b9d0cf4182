using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Retail.Api.Ingest;
using Retail.Grains.Abstractions.Seed;
using Retail.Grains.Abstractions.Variants;

namespace Retail.Api.Seed;

/// <summary>
/// The seed pipeline's decision service, answering as it did: its HTTP sinks post a one-element JSON array
/// of the joined record, with uppercase column names, and get the record back with the decision added.
/// Unlike the seed, bad input gets a 400, and sell-through comes from the variant's real forecast.
/// </summary>
public static class SeedApi
{
    public static IEndpointRouteBuilder MapSeedApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(string.Empty).WithTags("Seed-compatible");
        api.MapPost("/dynamic-pricing", DynamicPricingAsync)
            .WithName("SeedDynamicPricing")
            .WithSummary("The seed's price rule on the first record: ACTIVITY_COUNT > 3 gives PRICE × 1.10, otherwise × 1.01.")
            .Accepts<JsonArray>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapPost("/sell-through", SellThroughAsync)
            .WithName("SeedSellThrough")
            .WithSummary("The first record with sell_through_date from the variant's forecast (null without a sales signal).")
            .Accepts<JsonArray>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapPost("/stores/{store}/inventory_forecast/predict", PredictAsync)
            .WithName("SeedPredict")
            .WithSummary("The seed's forecast: days = quantity_on_hand / (total_sales / total_days).")
            .Accepts<PredictRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    public static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> DynamicPricingAsync(HttpRequest request, IClusterClient client)
    {
        var (record, problem) = await ReadFirstRecordAsync(request);
        if (record is null)
        {
            return problem!;
        }

        if (!TryDecimal(record["PRICE"], out var price) || price < 0)
        {
            return Bad("PRICE must be a non-negative number or numeric string.");
        }

        if (!TryInteger(record["ACTIVITY_COUNT"], out var count) || count < 0)
        {
            return Bad("ACTIVITY_COUNT must be a non-negative integer.");
        }

        record["dynamic_price"] = await client.GetGrain<ISeedDecisionsGrain>(0).PriceAsync(price, count);
        return TypedResults.Ok(record);
    }

    public static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> SellThroughAsync(HttpRequest request, IClusterClient client)
    {
        var (record, problem) = await ReadFirstRecordAsync(request);
        if (record is null)
        {
            return problem!;
        }

        var idNode = record["VARIANT_ID"] ?? record["PRODUCT_VARIANT_ID"];
        if (!TryInteger(idNode, out var variantId) || variantId <= 0)
        {
            return Bad("VARIANT_ID must be a positive 64-bit integer.");
        }

        var forecast = await client.GetGrain<IProductVariantGrain>(variantId).GetForecastAsync();
        record["sell_through_date"] = forecast?.SellThroughDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        record["days_of_inventory"] = forecast?.DaysOfInventory is { } days ? Math.Round(days, 2) : null;
        return TypedResults.Ok(record);
    }

    public static async Task<Results<Ok<PredictResponse>, ProblemHttpResult>> PredictAsync(string store, HttpRequest request, IClusterClient client)
    {
        var (node, problem) = await ReadBodyAsync(request);
        if (node is null)
        {
            return problem!;
        }

        if (node is not JsonObject body)
        {
            return Bad("Expected a JSON object with total_sales, total_days and quantity_on_hand.");
        }

        if (!TryDouble(body["total_sales"], out var sales) || !(sales > 0))
        {
            return Bad("total_sales must be a number above 0.");
        }

        if (!TryDouble(body["total_days"], out var days) || !(days > 0))
        {
            return Bad("total_days must be a number above 0.");
        }

        if (!TryDouble(body["quantity_on_hand"], out var onHand) || !(onHand >= 0))
        {
            return Bad("quantity_on_hand must be a number, 0 or more.");
        }

        if (onHand / (sales / days) > 36_500)
        {
            return Bad("The forecast is more than a century away; check the inputs.");
        }

        var forecast = await client.GetGrain<ISeedDecisionsGrain>(0).PredictAsync(sales, days, onHand);
        return TypedResults.Ok(new PredictResponse(forecast.SellThroughDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), forecast.InventoryDaysOnHand));
    }

    private static async Task<(JsonObject? Record, ProblemHttpResult? Problem)> ReadFirstRecordAsync(HttpRequest request)
    {
        var (node, problem) = await ReadBodyAsync(request);
        if (node is null)
        {
            return (null, problem);
        }

        // The seed's sinks send a one-element array; a bare object is accepted too.
        var first = node is JsonArray array ? (array.Count > 0 ? array[0] : null) : node;
        if (first is not JsonObject record)
        {
            return (null, Bad("Expected a JSON array whose first element is a record object."));
        }

        record.Parent?.AsArray().Remove(record);
        return (record, null);
    }

    private static async Task<(JsonNode? Node, ProblemHttpResult? Problem)> ReadBodyAsync(HttpRequest request)
    {
        // No limit of its own here: Kestrel's request body limit applies, as before.
        var body = (await BodyReader.ReadAsync(request, int.MaxValue, request.HttpContext.RequestAborted))!;
        if (body.Length == 0)
        {
            return (null, Bad("The body is empty."));
        }

        try
        {
            var node = JsonNode.Parse(body, documentOptions: new JsonDocumentOptions { MaxDepth = 16 });
            return node is null ? (null, Bad("The body is JSON null.")) : (node, null);
        }
        catch (JsonException ex)
        {
            return (null, Bad($"The body is not valid JSON: {ex.Message}"));
        }
    }

    private static bool TryDecimal(JsonNode? node, out decimal value)
    {
        value = 0;
        return node is JsonValue json
            && ((json.TryGetValue(out value))
                || (json.TryGetValue(out string? text) && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out value)));
    }

    private static bool TryDouble(JsonNode? node, out double value)
    {
        value = 0;
        return node is JsonValue json && json.GetValueKind() == JsonValueKind.Number && json.TryGetValue(out value) && double.IsFinite(value);
    }

    private static bool TryInteger(JsonNode? node, out long value)
    {
        value = 0;
        return node is JsonValue json
            && ((json.GetValueKind() == JsonValueKind.Number && json.TryGetValue(out value))
                || (json.TryGetValue(out string? text) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value)));
    }

    private static ProblemHttpResult Bad(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid request body", detail: detail);
}

/// <summary>The seed predict endpoint's body.</summary>
public sealed record PredictRequest(
    [property: JsonPropertyName("total_sales")] double TotalSales,
    [property: JsonPropertyName("total_days")] double TotalDays,
    [property: JsonPropertyName("quantity_on_hand")] double QuantityOnHand);

/// <summary>The seed predict endpoint's answer.</summary>
public sealed record PredictResponse(
    [property: JsonPropertyName("sell_through_date")] string SellThroughDate,
    [property: JsonPropertyName("inventory_doh")] int InventoryDaysOnHand);

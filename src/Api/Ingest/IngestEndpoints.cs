namespace Retail.Api.Ingest;

/// <summary>What every ingest route shares: its tag, the ingest rate limit, and the refusals it can answer.</summary>
internal static class IngestEndpoints
{
    public static RouteHandlerBuilder AsIngest(this RouteHandlerBuilder route) =>
        route.WithTags("Ingest")
            .RequireRateLimiting(Security.IngestRateLimitOptions.Policy)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}

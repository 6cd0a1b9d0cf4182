using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Retail.Api.Security;

/// <summary>Per-client limits on the ingest endpoints, bound from <c>RateLimits:Ingest</c>.</summary>
public sealed class IngestRateLimitOptions
{
    public const string Section = "RateLimits:Ingest";

    public const string Policy = "ingest";

    /// <summary>Requests a client may make per window.</summary>
    public int PermitLimit { get; set; } = 600;

    /// <summary>The window.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(1);
}

internal static class IngestRateLimits
{
    public static IServiceCollection AddIngestRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection(IngestRateLimitOptions.Section).Get<IngestRateLimitOptions>() ?? new IngestRateLimitOptions();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, cancellationToken) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                await TypedResults.Problem(
                    statusCode: StatusCodes.Status429TooManyRequests,
                    title: "Too many requests",
                    detail: $"At most {limits.PermitLimit} ingest requests per {limits.Window.TotalSeconds:0.###} s per client.").ExecuteAsync(context.HttpContext);
            };
            options.AddPolicy(IngestRateLimitOptions.Policy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.PermitLimit, Window = limits.Window, QueueLimit = 0 }));
        });
        return services;
    }
}

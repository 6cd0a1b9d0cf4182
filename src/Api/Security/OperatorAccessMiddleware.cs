using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Retail.Api.Ingest;

namespace Retail.Api.Security;

/// <summary>
/// Outside Development, the operator surface needs the API key (<c>X-Api-Key</c>) or the operator's Basic
/// credentials, except from this machine in a local trial (<see cref="LocalTrialAccess"/>). With neither
/// configured anywhere else, it stays closed, and the log says how to open it.
/// </summary>
internal sealed partial class OperatorAccessMiddleware(
    RequestDelegate next,
    IOptions<OperatorOptions> options,
    ApiKeyCheck apiKey,
    IHostEnvironment environment,
    LocalTrialAccess localTrial,
    ILogger<OperatorAccessMiddleware> logger)
{
    private readonly byte[]? _basic = options.Value is { User: { Length: > 0 } user, Password: { Length: > 0 } password }
        ? Encoding.UTF8.GetBytes(Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")))
        : null;

    public async Task InvokeAsync(HttpContext context)
    {
        if (environment.IsDevelopment() || !IsOperatorPath(context.Request.Path) || Allowed(context.Request) || localTrial.Admits(context))
        {
            await next(context);
            return;
        }

        if (!localTrial.CredentialsConfigured)
        {
            LogClosed(context.Request.Path);
        }

        context.Response.Headers.WWWAuthenticate = "Basic realm=\"retail-operator\"";
        await TypedResults.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Operator credentials required",
            detail: $"Send the API key in {ApiKeyCheck.Header}, or the operator's Basic credentials.").ExecuteAsync(context);
    }

    private bool IsOperatorPath(PathString path) =>
        options.Value.Paths.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));

    private bool Allowed(HttpRequest request)
    {
        if (apiKey.Required && apiKey.Allows(request))
        {
            return true;
        }

        var header = request.Headers.Authorization.ToString();
        return _basic is not null
            && header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)
            && CryptographicOperations.FixedTimeEquals(_basic, Encoding.UTF8.GetBytes(header["Basic ".Length..].Trim()));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Path}: the operator surface is closed because neither Api:Key nor Operator:User/Operator:Password is set")]
    private partial void LogClosed(string path);
}

using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Retail.Api.Ingest;

namespace Retail.Api.Security;

/// <summary>
/// Authenticates the API key (<c>X-Api-Key</c>, against <c>Api:Key</c>) and the operator's Basic credentials
/// (<c>Operator:User</c>, <c>Operator:Password</c>). Its challenge is a 401 with problem details.
/// </summary>
internal sealed partial class CredentialsAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory loggers,
    UrlEncoder encoder,
    ApiKeyCheck apiKey,
    IOptions<OperatorOptions> operatorOptions,
    LocalTrialAccess localTrial)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, loggers, encoder)
{
    public const string SchemeName = "RetailCredentials";

    /// <summary>The role of a request that carried the API key.</summary>
    public const string ApiKeyRole = "api-key";

    /// <summary>The role of a request that carried the operator's Basic credentials.</summary>
    public const string OperatorRole = "operator";

    private const string Realm = "Basic realm=\"retail-operator\"";

    private readonly byte[]? _basic = operatorOptions.Value is { BasicCredentialsSet: true } basic
        ? Encoding.UTF8.GetBytes(Convert.ToBase64String(Encoding.UTF8.GetBytes($"{basic.User}:{basic.Password}")))
        : null;

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Request.Headers.ContainsKey(ApiKeyCheck.Header))
        {
            return Task.FromResult(apiKey.Matches(Request)
                ? Success(ApiKeyRole)
                : AuthenticateResult.Fail("The API key does not match."));
        }

        var authorization = Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(_basic is not null && CryptographicOperations.FixedTimeEquals(_basic, Encoding.UTF8.GetBytes(authorization["Basic ".Length..].Trim()))
                ? Success(OperatorRole)
                : AuthenticateResult.Fail("The Basic credentials do not match."));
        }

        return Task.FromResult(AuthenticateResult.NoResult());
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (!localTrial.CredentialsConfigured)
        {
            LogClosed(Logger, Request.Path);
        }

        Response.Headers.WWWAuthenticate = Realm;
        await TypedResults.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Credentials required",
            detail: $"Send the API key (Api:Key) in {ApiKeyCheck.Header}, or, for the operator surface, the operator's Basic credentials.").ExecuteAsync(Context);
    }

    private static AuthenticateResult Success(string role)
    {
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, role), new Claim(ClaimTypes.Role, role)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Path}: closed, because neither Api:Key nor Operator:User/Operator:Password is set")]
    private static partial void LogClosed(ILogger logger, string path);
}

using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Retail.Api.Ingest;
using Retail.Api.Platform;

namespace Retail.Api.Security;

/// <summary>
/// Whether this process is a local trial: the embedded broker, HTTP on loopback addresses only, and no operator
/// credentials set. Then whoever is on this machine may use the operator surface without credentials, which is
/// what someone who runs the product from a clone expects. Anything else (a real broker, a reachable address,
/// credentials configured) keeps it closed to requests without them.
/// </summary>
internal sealed partial class LocalTrialAccess(
    PlatformInfo platform,
    IServer server,
    ApiKeyCheck apiKey,
    IOptions<OperatorOptions> options)
{
    private bool? _open;

    /// <summary>Whether operator credentials are configured at all.</summary>
    public bool CredentialsConfigured => apiKey.Required || options.Value.BasicCredentialsSet;

    /// <summary>Decided once the server listens: its addresses are known only then.</summary>
    public bool Open => _open ??= platform.KafkaEmbedded && !CredentialsConfigured && ListensOnLoopbackOnly();

    /// <summary>Whether this request, from this machine, may pass without credentials.</summary>
    public bool Admits(HttpContext context) =>
        Open && context.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote);

    private bool ListensOnLoopbackOnly()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses;
        return addresses is { Count: > 0 } && addresses.All(IsLoopback);
    }

    internal static bool IsLoopback(string address)
    {
        // Kestrel's wildcards (http://+:80, http://*:80) do not parse, and 0.0.0.0 is not loopback.
        return Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.IsLoopback;
    }

    /// <summary>Says in the log how to reach the operator surface, once the server listens.</summary>
    public void LogOnStarted(ILogger logger, bool development)
    {
        const string surface = "/dashboard, /metrics, /api/system";
        if (development)
        {
            LogDevelopment(logger, surface);
        }
        else if (Open)
        {
            LogOpen(logger, surface);
        }
        else if (CredentialsConfigured)
        {
            LogCredentials(logger, surface, ApiKeyCheck.Header);
        }
        else
        {
            LogClosed(logger, surface);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Operator surface ({Surface}) open to this machine without credentials: a local trial (embedded broker, loopback only, no Api:Key or Operator password set)")]
    private static partial void LogOpen(ILogger logger, string surface);

    [LoggerMessage(Level = LogLevel.Information, Message = "Operator surface ({Surface}) open without credentials: the Development environment")]
    private static partial void LogDevelopment(ILogger logger, string surface);

    [LoggerMessage(Level = LogLevel.Information, Message = "Operator surface ({Surface}) needs the API key in {Header} or the operator's Basic credentials")]
    private static partial void LogCredentials(ILogger logger, string surface, string header);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Operator surface ({Surface}) is closed: this is not a local trial (a real broker or an address beyond loopback) and neither Api:Key nor Operator:User/Operator:Password is set")]
    private static partial void LogClosed(ILogger logger, string surface);
}

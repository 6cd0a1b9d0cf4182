using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Retail.Api.Ingest;

/// <summary>Checks the <c>X-Api-Key</c> header against <c>Api:Key</c>, when one is set.</summary>
public sealed class ApiKeyCheck(IOptions<ApiAccessOptions> options)
{
    public const string Header = "X-Api-Key";

    private readonly byte[]? _key = string.IsNullOrEmpty(options.Value.Key) ? null : Encoding.UTF8.GetBytes(options.Value.Key);

    /// <summary>Whether a key is configured at all.</summary>
    public bool Required => _key is not null;

    /// <summary>Whether the request carries the configured key; with none configured, no key matches.</summary>
    public bool Matches(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var given = request.Headers[Header].ToString();
        return _key is not null && given.Length > 0 && CryptographicOperations.FixedTimeEquals(_key, Encoding.UTF8.GetBytes(given));
    }
}

using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Retail.Api.Ingest;

/// <summary>
/// The HMAC key for Shopify webhooks: <c>Shopify:WebhookSecret</c>, or, when that is unset, a random one for
/// this run. A generated secret is written to a file only its owner can read, never to the log.
/// </summary>
public sealed partial class WebhookSecret
{
    public WebhookSecret(IOptions<ShopifyOptions> options, ILogger<WebhookSecret> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrEmpty(options.Value.WebhookSecret))
        {
            Value = options.Value.WebhookSecret;
            return;
        }

        Value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        Generated = true;
        FilePath = Path.Combine(Path.GetTempPath(), "retail", "shopify-webhook-secret");
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            File.WriteAllText(FilePath, Value);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(FilePath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            LogGenerated(logger, FilePath);
        }
        catch (IOException ex)
        {
            FilePath = null;
            LogGeneratedNotSaved(logger, ex);
        }
    }

    /// <summary>The key.</summary>
    public string Value { get; }

    /// <summary>Whether the key was generated for this run.</summary>
    public bool Generated { get; }

    /// <summary>Where a generated key was written, if it was.</summary>
    public string? FilePath { get; }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shopify:WebhookSecret is not set: generated a random one for this run and wrote it to {Path} (readable only by you). Set Shopify__WebhookSecret to your app's client secret to verify real Shopify deliveries.")]
    private static partial void LogGenerated(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shopify:WebhookSecret is not set: generated a random one for this run, but could not save it. Set Shopify__WebhookSecret to your app's client secret.")]
    private static partial void LogGeneratedNotSaved(ILogger logger, Exception ex);
}

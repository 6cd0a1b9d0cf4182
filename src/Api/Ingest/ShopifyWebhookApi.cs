using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using Microsoft.Extensions.Options;

namespace Retail.Api.Ingest;

/// <summary>
/// Receives Shopify webhooks: verifies the signature over the raw body, writes the body unchanged to
/// <c>plf_</c> + topic, and answers 200 only once Kafka has it. Duplicate deliveries are acknowledged and
/// not written again.
/// </summary>
public static partial class ShopifyWebhookApi
{
    public const string TopicHeader = "X-Shopify-Topic";
    public const string SignatureHeader = "X-Shopify-Hmac-Sha256";
    public const string WebhookIdHeader = "X-Shopify-Webhook-Id";
    public const string ShopHeader = "X-Shopify-Shop-Domain";
    public const string TriggeredAtHeader = "X-Shopify-Triggered-At";

    public static IEndpointRouteBuilder MapShopifyWebhookApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/webhooks/shopify", ReceiveAsync)
            .AsIngest()
            .WithName("ShopifyWebhook")
            .WithSummary("A Shopify webhook delivery, HMAC-verified, written to Kafka before the 200.")
            .Accepts<JsonElement>("application/json");
        return app;
    }

    public static async Task<Results<Ok<WebhookReceipt>, ProblemHttpResult>> ReceiveAsync(
        HttpRequest request,
        IOptions<ShopifyOptions> options,
        IOptions<KafkaTopics> topics,
        WebhookSecret secret,
        WebhookDeduplicator deduplicator,
        IngestProducer producer,
        IngestMetrics metrics,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var logger = loggers.CreateLogger(typeof(ShopifyWebhookApi));
        var webhookTopic = request.Headers[TopicHeader].ToString();

        // One limit end to end: a body that Kafka could never take is not read, let alone acknowledged.
        var body = await BodyReader.ReadAsync(request, producer.MaxMessageBytes, cancellationToken);
        if (body is null)
        {
            return TooLarge($"The body is larger than {producer.MaxMessageBytes} bytes, the most Kafka takes here (Kafka:MaxMessageBytes).");
        }

        // Verify before parsing: an unsigned body is not looked at.
        var signature = request.Headers[SignatureHeader].ToString();
        if (signature.Length == 0)
        {
            return Refuse(StatusCodes.Status401Unauthorized, "Missing signature", $"The {SignatureHeader} header is required.", "unsigned");
        }

        if (!ShopifySignature.IsValid(secret.Value, body, signature))
        {
            return Refuse(StatusCodes.Status401Unauthorized, "Bad signature", "The signature does not match the body.", "bad_signature");
        }

        var kafkaTopic = topics.Value.ForWebhook(webhookTopic);
        if (kafkaTopic is null)
        {
            return Refuse(StatusCodes.Status400BadRequest, "Missing topic", $"The {TopicHeader} header is required.", "no_topic");
        }

        string? key;
        try
        {
            using var document = JsonDocument.Parse(body);
            key = ShopifyTopics.Key(webhookTopic, document.RootElement);
        }
        catch (JsonException ex)
        {
            return Refuse(StatusCodes.Status400BadRequest, "Invalid JSON", $"The body is not valid JSON: {ex.Message}", "invalid_json");
        }

        var webhookId = request.Headers[WebhookIdHeader].ToString();
        var record = Record(key, body, request.Headers, webhookTopic, webhookId);
        // Kafka can never take a larger one: it is refused for good, not left for Shopify to retry.
        var recordBytes = IngestProducer.RecordBytes(record);
        if (recordBytes > producer.MaxMessageBytes)
        {
            return TooLarge($"With its key and headers the record is {recordBytes} bytes; Kafka takes at most {producer.MaxMessageBytes} here (Kafka:MaxMessageBytes).");
        }

        TaskCompletionSource? claim = null;
        if (webhookId.Length > 0 && deduplicator.Claim(webhookId, out claim) is { } earlier)
        {
            try
            {
                await earlier.WaitAsync(settings.WriteTimeout, cancellationToken);
                metrics.Webhook("duplicate", kafkaTopic);
                LogDuplicate(logger, webhookId, webhookTopic);
                return TypedResults.Ok(new WebhookReceipt(kafkaTopic, Duplicate: true));
            }
            catch (Exception ex) when (ex is KafkaException or TimeoutException)
            {
                return Unavailable(metrics, logger, kafkaTopic, ex);
            }
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(settings.WriteTimeout);
            await producer.WriteAsync(kafkaTopic, record, timeout.Token);
            if (claim is not null)
            {
                deduplicator.Complete(webhookId, claim, failure: null);
            }
        }
        catch (Exception ex) when (ex is KafkaException or OperationCanceledException)
        {
            if (claim is not null)
            {
                deduplicator.Complete(webhookId, claim, new TimeoutException("The first delivery could not be written.", ex));
            }

            // A broker or topic with a lower limit than ours: every retry would fail the same way.
            return ex is KafkaException { Error.Code: Confluent.Kafka.ErrorCode.MsgSizeTooLarge }
                ? TooLarge($"Kafka refused the {recordBytes}-byte record as too large for {kafkaTopic}: {ex.Message}")
                : Unavailable(metrics, logger, kafkaTopic, ex);
        }

        metrics.Webhook("written", kafkaTopic);
        return TypedResults.Ok(new WebhookReceipt(kafkaTopic, Duplicate: false));

        ProblemHttpResult TooLarge(string detail) => Refuse(StatusCodes.Status413PayloadTooLarge, "Payload too large", detail, "too_large");

        ProblemHttpResult Refuse(int status, string title, string detail, string outcome)
        {
            metrics.Webhook(outcome, webhookTopic.Length > 0 ? webhookTopic : null);
            LogRefused(logger, status, webhookTopic, detail);
            return TypedResults.Problem(statusCode: status, title: title, detail: detail);
        }
    }

    private static Message<byte[], byte[]> Record(string? key, byte[] body, IHeaderDictionary headers, string webhookTopic, string webhookId)
    {
        var kafkaHeaders = new Headers { { "shopify.topic", Encoding.UTF8.GetBytes(webhookTopic) } };
        foreach (var (name, header) in new[] { ("shopify.webhook_id", WebhookIdHeader), ("shopify.shop_domain", ShopHeader), ("shopify.triggered_at", TriggeredAtHeader) })
        {
            var value = headers[header].ToString();
            if (value.Length > 0)
            {
                kafkaHeaders.Add(name, Encoding.UTF8.GetBytes(value));
            }
        }

        return new Message<byte[], byte[]>
        {
            Key = key is null ? null! : Encoding.UTF8.GetBytes(key),
            Value = body,
            Headers = kafkaHeaders,
        };
    }

    private static ProblemHttpResult Unavailable(IngestMetrics metrics, ILogger logger, string kafkaTopic, Exception ex)
    {
        metrics.Webhook("kafka_unavailable", kafkaTopic);
        LogWriteFailed(logger, ex, kafkaTopic);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Kafka unavailable",
            detail: "The webhook could not be written to Kafka in time; Shopify will deliver it again.");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a Shopify webhook ({Topic}) with {Status}: {Reason}")]
    private static partial void LogRefused(ILogger logger, int status, string topic, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Acknowledged duplicate Shopify webhook {WebhookId} ({Topic}) without writing it again")]
    private static partial void LogDuplicate(ILogger logger, string webhookId, string topic);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not write a Shopify webhook to {KafkaTopic}; answered 503")]
    private static partial void LogWriteFailed(ILogger logger, Exception ex, string kafkaTopic);
}

/// <summary>The answer to an accepted webhook.</summary>
public sealed record WebhookReceipt(string KafkaTopic, bool Duplicate);

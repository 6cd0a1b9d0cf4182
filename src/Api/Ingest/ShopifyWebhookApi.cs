using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using Microsoft.Extensions.Options;
using Retail.Grains.Abstractions.Shopify;
using Retail.Grains.Abstractions.Webhooks;

namespace Retail.Api.Ingest;

/// <summary>
/// Receives Shopify webhooks: verifies the signature over the raw body, writes the body unchanged to
/// <c>plf_</c> + topic, and answers 200 only once Kafka has it. A delivery already written, by any API process
/// before or after a restart, is acknowledged and not written again. Compliance webhooks and <c>app/uninstalled</c>
/// are handled here, without Kafka.
/// </summary>
public static partial class ShopifyWebhookApi
{
    public const string TopicHeader = "X-Shopify-Topic";
    public const string SignatureHeader = "X-Shopify-Hmac-Sha256";
    public const string WebhookIdHeader = "X-Shopify-Webhook-Id";
    public const string EventIdHeader = "X-Shopify-Event-Id";
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
        IClusterClient cluster,
        IngestProducer producer,
        IngestMetrics metrics,
        TimeProvider time,
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

        if (ShopifyTopics.IsCompliance(webhookTopic))
        {
            // The product keeps no customer data to report or erase (README, "Customer data"): acknowledged, nothing stored.
            metrics.Webhook("compliance", webhookTopic);
            var shop = request.Headers[ShopHeader].ToString();
            LogCompliance(logger, webhookTopic, shop);
            return TypedResults.Ok(new WebhookReceipt(null, Duplicate: false));
        }

        if (webhookTopic == ShopifyTopics.AppUninstalled)
        {
            try
            {
                await cluster.GetGrain<IShopGrain>(IShopGrain.Key).UninstallAsync(time.GetUtcNow());
            }
            catch (Exception ex) when (ex is OrleansException or TimeoutException)
            {
                return ClusterUnavailable(ex);
            }

            metrics.Webhook("uninstalled", webhookTopic);
            return TypedResults.Ok(new WebhookReceipt(null, Duplicate: false));
        }

        var webhookId = request.Headers[WebhookIdHeader].ToString();
        var record = Record(key, body, request.Headers, webhookTopic);
        // Kafka can never take a larger one: it is refused for good, not left for Shopify to retry.
        var recordBytes = IngestProducer.RecordBytes(record);
        if (recordBytes > producer.MaxMessageBytes)
        {
            return TooLarge($"With its key and headers the record is {recordBytes} bytes; Kafka takes at most {producer.MaxMessageBytes} here (Kafka:MaxMessageBytes).");
        }

        // Shopify's advice: one delivery is one event id; the webhook id is the fallback for senders without one.
        var deliveryId = request.Headers[EventIdHeader].ToString() is { Length: > 0 } eventId ? eventId : webhookId;
        var delivery = deliveryId.Length > 0 ? cluster.GetGrain<IWebhookDeliveryGrain>(deliveryId) : null;
        var receiver = Guid.NewGuid();
        if (delivery is not null)
        {
            WebhookClaim claim;
            try
            {
                claim = await ClaimAsync(delivery, receiver, settings.WriteTimeout, time, cancellationToken);
            }
            catch (Exception ex) when (ex is OrleansException or TimeoutException)
            {
                return ClusterUnavailable(ex);
            }

            if (claim == WebhookClaim.Written)
            {
                metrics.Webhook("duplicate", kafkaTopic);
                LogDuplicate(logger, deliveryId, webhookTopic);
                return TypedResults.Ok(new WebhookReceipt(kafkaTopic, Duplicate: true));
            }

            if (claim == WebhookClaim.InProgress)
            {
                return Unavailable(metrics, logger, kafkaTopic, new TimeoutException($"Delivery {deliveryId} is still being written by another request."));
            }
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(settings.WriteTimeout);
            await producer.WriteAsync(kafkaTopic, record, timeout.Token);
        }
        catch (Exception ex) when (ex is KafkaException or OperationCanceledException)
        {
            await CompleteAsync(delivery, receiver, written: false, logger);

            // A broker or topic with a lower limit than ours: every retry would fail the same way.
            return ex is KafkaException { Error.Code: Confluent.Kafka.ErrorCode.MsgSizeTooLarge }
                ? TooLarge($"Kafka refused the {recordBytes}-byte record as too large for {kafkaTopic}: {ex.Message}")
                : Unavailable(metrics, logger, kafkaTopic, ex);
        }

        await CompleteAsync(delivery, receiver, written: true, logger);
        metrics.Webhook("written", kafkaTopic);
        return TypedResults.Ok(new WebhookReceipt(kafkaTopic, Duplicate: false));

        ProblemHttpResult TooLarge(string detail) => Refuse(StatusCodes.Status413PayloadTooLarge, "Payload too large", detail, "too_large");

        ProblemHttpResult ClusterUnavailable(Exception ex)
        {
            LogClusterUnavailable(logger, ex, webhookTopic);
            return Unavailable(metrics, "cluster_unavailable", webhookTopic, "Cluster unavailable", "The webhook could not be checked against earlier deliveries in time; Shopify will deliver it again.");
        }

        ProblemHttpResult Refuse(int status, string title, string detail, string outcome)
        {
            metrics.Webhook(outcome, webhookTopic.Length > 0 ? webhookTopic : null);
            LogRefused(logger, status, webhookTopic, detail);
            return TypedResults.Problem(statusCode: status, title: title, detail: detail);
        }
    }

    /// <summary>Claims a delivery; while another request is writing it, waits for that one's outcome, up to <paramref name="patience"/>.</summary>
    private static async Task<WebhookClaim> ClaimAsync(IWebhookDeliveryGrain delivery, Guid receiver, TimeSpan patience, TimeProvider time, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + patience;
        while (true)
        {
            var claim = await delivery.ClaimAsync(receiver);
            if (claim != WebhookClaim.InProgress || time.GetUtcNow() >= deadline)
            {
                return claim;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), time, cancellationToken);
        }
    }

    /// <summary>Reports the write's outcome. A delivery written but not recorded may be written once more by a retry: logged, not refused.</summary>
    private static async Task CompleteAsync(IWebhookDeliveryGrain? delivery, Guid receiver, bool written, ILogger logger)
    {
        if (delivery is null)
        {
            return;
        }

        try
        {
            await delivery.CompleteAsync(receiver, written);
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException)
        {
            LogNotRecorded(logger, ex, delivery.GetPrimaryKeyString());
        }
    }

    private static Message<byte[], byte[]> Record(string? key, byte[] body, IHeaderDictionary headers, string webhookTopic)
    {
        var kafkaHeaders = new Headers { { ShopifyHeaders.Topic, Encoding.UTF8.GetBytes(webhookTopic) } };
        foreach (var (name, header) in new[] { (ShopifyHeaders.WebhookId, WebhookIdHeader), (ShopifyHeaders.EventId, EventIdHeader), (ShopifyHeaders.ShopDomain, ShopHeader), (ShopifyHeaders.TriggeredAt, TriggeredAtHeader) })
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
        LogWriteFailed(logger, ex, kafkaTopic);
        return Unavailable(metrics, "kafka_unavailable", kafkaTopic, "Kafka unavailable", "The webhook could not be written to Kafka in time; Shopify will deliver it again.");
    }

    private static ProblemHttpResult Unavailable(IngestMetrics metrics, string outcome, string topic, string title, string detail)
    {
        metrics.Webhook(outcome, topic);
        return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: title, detail: detail);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a Shopify webhook ({Topic}) with {Status}: {Reason}")]
    private static partial void LogRefused(ILogger logger, int status, string topic, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Acknowledged duplicate Shopify delivery {DeliveryId} ({Topic}) without writing it again")]
    private static partial void LogDuplicate(ILogger logger, string deliveryId, string topic);

    [LoggerMessage(Level = LogLevel.Information, Message = "Acknowledged Shopify compliance webhook {Topic} from {Shop}: no customer data is kept")]
    private static partial void LogCompliance(ILogger logger, string topic, string shop);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not reach the cluster for a Shopify webhook ({Topic}); answered 503")]
    private static partial void LogClusterUnavailable(ILogger logger, Exception ex, string topic);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shopify delivery {DeliveryId} was written to Kafka but could not be recorded as written")]
    private static partial void LogNotRecorded(ILogger logger, Exception ex, string deliveryId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not write a Shopify webhook to {KafkaTopic}; answered 503")]
    private static partial void LogWriteFailed(ILogger logger, Exception ex, string kafkaTopic);
}

/// <summary>The answer to an accepted webhook.</summary>
/// <param name="KafkaTopic">Where it was written; <c>null</c> for a webhook handled without Kafka (compliance, <c>app/uninstalled</c>).</param>
/// <param name="Duplicate">Whether it was an earlier delivery's, acknowledged without a second write.</param>
public sealed record WebhookReceipt(string? KafkaTopic, bool Duplicate);

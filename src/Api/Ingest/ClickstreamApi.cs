using System.Globalization;
using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using Microsoft.Extensions.Options;
using Retail.Grains.Abstractions.Events;

namespace Retail.Api.Ingest;

/// <summary>
/// Collects storefront clickstream: a JSON array or NDJSON of seed-format events, validated as a whole,
/// written to Kafka before the 202.
/// </summary>
public static partial class ClickstreamApi
{
    public static IEndpointRouteBuilder MapClickstreamApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/clickstream", CollectAsync)
            .AsIngest()
            .WithName("CollectClickstream")
            .WithSummary("Clickstream events, as a JSON array or NDJSON. All are written, or none (400 lists every bad event).")
            .Accepts<JsonElement>("application/json", "application/x-ndjson")
            .RequireAuthorization(Security.AccessPolicies.Ingest);
        return app;
    }

    public static async Task<Results<Accepted<ClickstreamReceipt>, ProblemHttpResult>> CollectAsync(
        HttpRequest request,
        IOptions<ClickstreamOptions> options,
        IOptions<KafkaTopics> topics,
        IngestProducer producer,
        IngestMetrics metrics,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var body = await BodyReader.ReadAsync(request, settings.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            metrics.Clickstream("too_large", 0);
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large", detail: $"The body is larger than {settings.MaxBodyBytes} bytes.");
        }

        if (!TrySplit(body, settings.MaxEvents, out var events, out var splitError))
        {
            metrics.Clickstream("invalid", 0);
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid clickstream body", detail: splitError);
        }

        var now = time.GetUtcNow();
        var errors = new List<ClickstreamError>();
        var valid = new List<(long VariantId, ReadOnlyMemory<byte> Json)>(events.Count);
        for (var index = 0; index < events.Count; index++)
        {
            if (ClickstreamJson.TryParse(events[index].Span, now, out var click, out var error))
            {
                valid.Add((click!.VariantId, events[index]));
            }
            else
            {
                errors.Add(new ClickstreamError(index, error!));
            }
        }

        if (errors.Count > 0)
        {
            metrics.Clickstream("invalid", events.Count);
            var problem = TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Invalid clickstream events",
                detail: $"{errors.Count} of {events.Count} events are invalid; none were written.",
                extensions: new Dictionary<string, object?> { ["errors"] = errors.Take(100).ToList() });
            return problem;
        }

        var records = valid.Select(e => new Message<byte[], byte[]>
        {
            Key = Encoding.UTF8.GetBytes(e.VariantId.ToString(CultureInfo.InvariantCulture)),
            Value = e.Json.ToArray(),
        }).ToList();
        var oversize = records.Select((record, index) => (Index: index, Bytes: IngestProducer.RecordBytes(record))).Where(r => r.Bytes > producer.MaxMessageBytes)
            .Select(r => new ClickstreamError(r.Index, $"The event's record is {r.Bytes} bytes; Kafka takes at most {producer.MaxMessageBytes} (Kafka:MaxMessageBytes)."))
            .ToList();
        if (oversize.Count > 0)
        {
            metrics.Clickstream("too_large", events.Count);
            return TypedResults.Problem(
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "Clickstream events too large",
                detail: $"{oversize.Count} of {events.Count} events are larger than a Kafka record may be; none were written.",
                extensions: new Dictionary<string, object?> { ["errors"] = oversize.Take(100).ToList() });
        }

        try
        {
            await Task.WhenAll(records.Select(record => producer.WriteAsync(topics.Value.Clickstream, record, cancellationToken)));
        }
        catch (KafkaException)
        {
            metrics.Clickstream("kafka_unavailable", valid.Count);
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Kafka unavailable", detail: "The events could not be written to Kafka; send them again.");
        }

        metrics.Clickstream("written", valid.Count);
        return TypedResults.Accepted((string?)null, new ClickstreamReceipt(valid.Count));
    }

    /// <summary>Splits a JSON array, or newline-delimited JSON, into the raw bytes of each event.</summary>
    internal static bool TrySplit(byte[] body, int maxEvents, out List<ReadOnlyMemory<byte>> events, out string? error)
    {
        events = [];
        var start = 0;
        while (start < body.Length && char.IsWhiteSpace((char)body[start]))
        {
            start++;
        }

        if (start == body.Length)
        {
            error = "The body is empty.";
            return false;
        }

        if (body[start] == (byte)'[')
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                foreach (var element in document.RootElement.EnumerateArray())
                {
                    if (events.Count == maxEvents)
                    {
                        error = $"More than {maxEvents} events in one request.";
                        return false;
                    }

                    events.Add(Encoding.UTF8.GetBytes(element.GetRawText()));
                }
            }
            catch (JsonException ex)
            {
                error = $"The body is not a valid JSON array: {ex.Message}";
                return false;
            }
        }
        else
        {
            foreach (var line in SplitLines(body))
            {
                if (events.Count == maxEvents)
                {
                    error = $"More than {maxEvents} events in one request.";
                    return false;
                }

                events.Add(line);
            }
        }

        if (events.Count == 0)
        {
            error = "The body holds no events.";
            return false;
        }

        error = null;
        return true;
    }

    private static IEnumerable<ReadOnlyMemory<byte>> SplitLines(ReadOnlyMemory<byte> text)
    {
        while (!text.IsEmpty)
        {
            var end = text.Span.IndexOf((byte)'\n');
            var line = end < 0 ? text : text[..end];
            text = end < 0 ? ReadOnlyMemory<byte>.Empty : text[(end + 1)..];
            var lead = line.Length - line.Span.TrimStart(" \t\r"u8).Length;
            var trimmed = line[lead..].TrimEnd(" \t\r"u8);
            if (!trimmed.IsEmpty)
            {
                yield return trimmed;
            }
        }
    }
}

/// <summary>The answer to accepted clickstream.</summary>
public sealed record ClickstreamReceipt(int Accepted);

/// <summary>One bad event: its index in the request and what is wrong.</summary>
public sealed record ClickstreamError(int Index, string Error);

using System.Buffers;
using System.Text.Json;

namespace Retail.Grains.Abstractions.Events;

/// <summary>
/// Reads and writes the clickstream JSON of the storefront and the seed's datagen:
/// <c>{"time", "user_id" or "userid", "product_variant_id", "activity", "ip"}</c>.
/// </summary>
public static class ClickstreamJson
{
    /// <summary>Longest activity name accepted; longer ones are rejected as bad input.</summary>
    public const int MaxActivityLength = 64;

    /// <summary>Parses one record. Variant and user ids are read as 64-bit integers, never through a double.</summary>
    /// <param name="json">The UTF-8 record.</param>
    /// <param name="timestamp">The time to stamp on the event (the Kafka record's timestamp).</param>
    /// <param name="result">The event, when parsing succeeds.</param>
    /// <param name="error">Why the record is unusable, when it fails.</param>
    public static bool TryParse(ReadOnlySpan<byte> json, DateTimeOffset timestamp, out ClickstreamEvent? result, out string? error)
    {
        result = null;
        long? variantId = null;
        long? userId = null;
        string? activity = null;
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                error = "expected a JSON object";
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("product_variant_id"u8))
                {
                    reader.Read();
                    if (!TryReadInt64(ref reader, out var id) || id <= 0)
                    {
                        error = "product_variant_id must be a positive 64-bit integer";
                        return false;
                    }

                    variantId = id;
                }
                else if (reader.ValueTextEquals("activity"u8))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.String)
                    {
                        error = "activity must be a string";
                        return false;
                    }

                    activity = ReadActivity(ref reader);
                    if (activity is null)
                    {
                        error = $"activity must be 1 to {MaxActivityLength} characters";
                        return false;
                    }
                }
                else if (reader.ValueTextEquals("user_id"u8) || reader.ValueTextEquals("userid"u8))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.Null)
                    {
                        if (!TryReadInt64(ref reader, out var user))
                        {
                            error = "user_id must be a 64-bit integer";
                            return false;
                        }

                        userId = user;
                    }
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject)
            {
                error = "the JSON object is incomplete";
                return false;
            }
        }
        catch (JsonException ex)
        {
            error = $"invalid JSON: {ex.Message}";
            return false;
        }

        if (variantId is null)
        {
            error = "product_variant_id is missing";
            return false;
        }

        if (activity is null)
        {
            error = "activity is missing";
            return false;
        }

        result = new ClickstreamEvent(variantId.Value, activity, userId, timestamp);
        error = null;
        return true;
    }

    /// <summary>Writes an event in the storefront's format, with <c>user_id</c> and an ISO-8601 <c>time</c>.</summary>
    public static byte[] Serialize(ClickstreamEvent clickstreamEvent)
    {
        ArgumentNullException.ThrowIfNull(clickstreamEvent);
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("time"u8, clickstreamEvent.Timestamp);
            if (clickstreamEvent.UserId is { } userId)
            {
                writer.WriteNumber("user_id"u8, userId);
            }

            writer.WriteNumber("product_variant_id"u8, clickstreamEvent.VariantId);
            writer.WriteString("activity"u8, clickstreamEvent.Activity);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static bool TryReadInt64(ref Utf8JsonReader reader, out long value)
    {
        value = 0;
        return reader.TokenType switch
        {
            JsonTokenType.Number => reader.TryGetInt64(out value),
            // Some producers quote ids to keep them exact in JavaScript.
            JsonTokenType.String => !reader.HasValueSequence && !reader.ValueIsEscaped
                && System.Buffers.Text.Utf8Parser.TryParse(reader.ValueSpan, out value, out var consumed)
                && consumed == reader.ValueSpan.Length,
            _ => false,
        };
    }

    private static string? ReadActivity(ref Utf8JsonReader reader)
    {
        // The known activities come back as the shared constants, so the hot path does not allocate.
        if (reader.ValueTextEquals("contentView"u8))
        {
            return Activities.ContentView;
        }

        if (reader.ValueTextEquals("addToCart"u8))
        {
            return Activities.AddToCart;
        }

        if (reader.ValueTextEquals("purchase"u8))
        {
            return Activities.Purchase;
        }

        var text = reader.GetString();
        return string.IsNullOrWhiteSpace(text) || text.Length > MaxActivityLength ? null : text;
    }
}

using System.Buffers.Text;
using System.Text.Json;
using Retail.Grains.Abstractions.Variants;
using Streaming.Kafka.Mapping;

namespace Retail.Silo.Mapping;

/// <summary>
/// Turns the retail topics' JSON records into the grains' stream events, and the grains' decisions into
/// JSON records. A record it cannot read is rejected with the reason, and becomes a dead letter.
/// </summary>
internal sealed class RetailRecordMapper : IKafkaRecordMapper
{
    private static readonly JsonSerializerOptions Outbound = new(JsonSerializerDefaults.Web);
    private static readonly byte[] VariantNamespace = System.Text.Encoding.UTF8.GetBytes(StreamNames.Variant);

    /// <summary>
    /// The variant's stream, the one <c>StreamId.Create(StreamNames.Variant, variantId)</c> names, made from UTF-8 at
    /// once: that overload makes a string of the id first, one more object for every event read.
    /// </summary>
    internal static StreamId VariantStream(long variantId)
    {
        // Twenty bytes hold any long, long.MinValue's sign included, so the format cannot fail.
        Span<byte> key = stackalloc byte[20];
        _ = Utf8Formatter.TryFormat(variantId, key, out var written);
        return StreamId.Create(VariantNamespace, key[..written]);
    }

    public void Map(in KafkaRecord record, string streamNamespace, MappedEvents events)
    {
        switch (streamNamespace)
        {
            case StreamNames.Clickstream:
                if (!ClickstreamJson.TryParse(record.Value.Span, record.Timestamp, out var click, out var error))
                {
                    throw new InvalidDataException($"Bad clickstream record: {error}");
                }

                events.Add(VariantStream(click!.VariantId), click);
                break;
            case StreamNames.VariantUpdates when WebhookTopic(record) == "products/delete":
                var deleted = Read("product delete", record, ShopifyJson.ReadProductDelete);
                events.Add(StreamId.Create(StreamNames.Products, deleted.ProductId), deleted);
                break;
            case StreamNames.VariantUpdates:
                var (product, variants) = Read("product update", record, ShopifyJson.ReadProductUpdate);
                foreach (var variant in variants)
                {
                    events.Add(VariantStream(variant.VariantId), variant);
                }

                events.Add(StreamId.Create(StreamNames.Products, product.ProductId), product);
                break;
            case StreamNames.Sales:
                foreach (var sale in Read("order", record, ShopifyJson.ReadOrder))
                {
                    events.Add(VariantStream(sale.VariantId), sale);
                }

                break;
            case StreamNames.Cancellations:
                foreach (var cancel in Read("order cancellation", record, ShopifyJson.ReadCancellation))
                {
                    events.Add(VariantStream(cancel.VariantId), cancel);
                }

                break;
            case StreamNames.Refunds:
                foreach (var refund in Read("refund", record, ShopifyJson.ReadRefund))
                {
                    events.Add(VariantStream(refund.VariantId), refund);
                }

                break;
            case StreamNames.InventoryLevels:
                var level = Read("inventory level", record, ShopifyJson.ReadInventoryLevel);
                events.Add(StreamId.Create(StreamNames.InventoryLevels, level.InventoryItemId), level);
                break;
            default:
                throw new InvalidDataException($"No mapping for stream namespace '{streamNamespace}'.");
        }
    }

    public byte[] Serialize(StreamId streamId, object item) => item switch
    {
        ClickstreamEvent click => ClickstreamJson.Serialize(click),
        PriceDecision or SellThroughForecast => JsonSerializer.SerializeToUtf8Bytes(item, item.GetType(), Outbound),
        _ => throw new NotSupportedException($"No Kafka format for {item.GetType().Name} on stream {streamId}."),
    };

    /// <summary>The Shopify topic the webhook receiver recorded in the record's headers; <c>null</c> for records from elsewhere.</summary>
    private static string? WebhookTopic(in KafkaRecord record) =>
        record.Headers is { } headers && headers.TryGetLastBytes(ShopifyHeaders.Topic, out var topic) ? System.Text.Encoding.UTF8.GetString(topic) : null;

    private static T Read<T>(string what, in KafkaRecord record, Func<ReadOnlyMemory<byte>, DateTimeOffset, T> read)
    {
        try
        {
            return read(record.Value, record.Timestamp);
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"Bad {what} record: {ex.Message}", ex);
        }
    }
}

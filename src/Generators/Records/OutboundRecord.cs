namespace Retail.Generators.Records;

/// <summary>One generated record: which stream it belongs to, its key and its JSON body.</summary>
/// <param name="Stream">A <see cref="Streams"/> name: clickstream or a Shopify webhook topic.</param>
/// <param name="Key">The Kafka key: the variant, product, order or inventory item id.</param>
/// <param name="Value">The JSON body, exactly as it goes out.</param>
public sealed record OutboundRecord(string Stream, string? Key, byte[] Value);

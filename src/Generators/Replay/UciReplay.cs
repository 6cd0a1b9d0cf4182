using System.Globalization;
using System.Text;
using Retail.Generators.Records;
using Retail.Generators.Truth;

namespace Retail.Generators.Replay;

/// <summary>
/// Replays real UCI Online Retail transactions. Each SKU becomes a product with one variant, announced by a
/// <c>products/update</c> with its starting stock. Each invoice becomes an <c>orders/create</c>, and each sold
/// line an inventory level with the stock lowered. A cancellation is a return: its units go back to stock as
/// an inventory level, and it is not an order. Times keep their original spacing, shifted so that the last
/// transaction is at the start of the replay.
/// </summary>
public sealed class UciReplay(IReadOnlyList<UciLine> lines, DateTimeOffset replayStart, int startingStock = 5_000, GroundTruth? truth = null)
{
    private const long LocationId = 65_544_149_102;

    /// <summary>Reads every line of the CSV files, in file order, skipping their headers.</summary>
    public static IReadOnlyList<UciLine> Load(IEnumerable<string> files) =>
        [.. files.Order(StringComparer.Ordinal).SelectMany(f => File.ReadLines(f).Skip(1)).Where(l => l.Length > 0).Select(UciLine.Parse)];

    /// <summary>The variant a SKU is replayed as: a stable 14-digit id from the stock code.</summary>
    public static long VariantIdOf(string stockCode) =>
        50_000_000_000_000 + (long)(Fnv1a(stockCode) % 10_000_000_000_000UL);

    public static long ProductIdOf(string stockCode) => VariantIdOf(stockCode) - 20_000_000_000_000;

    public static long InventoryItemIdOf(string stockCode) => VariantIdOf(stockCode) + 20_000_000_000_000;

    /// <summary>When each record should be sent, as an offset from the replay start at real speed, and the record.</summary>
    public IEnumerable<(TimeSpan At, OutboundRecord Record)> Records()
    {
        if (lines.Count == 0)
        {
            yield break;
        }

        var first = lines.Min(l => l.InvoiceDate);
        var shift = replayStart.UtcDateTime - lines.Max(l => l.InvoiceDate);
        var stock = new Dictionary<string, long>(StringComparer.Ordinal);

        foreach (var sku in lines.GroupBy(l => l.StockCode, StringComparer.Ordinal))
        {
            var line = sku.First();
            stock[sku.Key] = startingStock;
            truth?.Quantity(VariantIdOf(sku.Key), startingStock);
            yield return (TimeSpan.Zero, Product(line, first + shift));
        }

        foreach (var invoice in lines.GroupBy(l => l.Invoice, StringComparer.Ordinal))
        {
            var at = invoice.First().InvoiceDate;
            var offset = at - first;
            var when = at + shift;
            // Cancellations ('C…') are returns, and other non-numeric invoices are adjustments: neither is an order.
            if (long.TryParse(invoice.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var orderId))
            {
                var sold = invoice.Where(l => l.Quantity > 0).ToList();
                if (sold.Count > 0)
                {
                    yield return (offset, Order(orderId, sold, when));
                }
            }

            foreach (var line in invoice)
            {
                var change = line.IsCancellation ? Math.Abs(line.Quantity) : -line.Quantity;
                var variantId = VariantIdOf(line.StockCode);
                stock[line.StockCode] = Math.Max(0, stock[line.StockCode] + change);
                if (line.IsCancellation)
                {
                    truth?.Returned(variantId, Math.Abs(line.Quantity));
                }

                truth?.Quantity(variantId, stock[line.StockCode]);
                yield return (offset, Level(line.StockCode, stock[line.StockCode], when));
            }
        }
    }

    private static OutboundRecord Product(UciLine line, DateTime at)
    {
        var productId = ProductIdOf(line.StockCode);
        return new OutboundRecord(Streams.ProductsUpdate, Id(productId), Json.Write(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("id", productId);
            w.WriteString("title", line.Description);
            w.WriteString("vendor", "UCI Online Retail");
            w.WriteString("updated_at", Time(at));
            w.WriteStartArray("variants");
            w.WriteStartObject();
            w.WriteNumber("id", VariantIdOf(line.StockCode));
            w.WriteNumber("product_id", productId);
            w.WriteString("sku", line.StockCode);
            w.WriteString("price", line.UnitPrice.ToString("0.00", CultureInfo.InvariantCulture));
            w.WriteNumber("inventory_item_id", InventoryItemIdOf(line.StockCode));
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }));
    }

    private OutboundRecord Order(long orderId, List<UciLine> sold, DateTime at)
    {
        foreach (var line in sold)
        {
            truth?.Ordered(VariantIdOf(line.StockCode), line.Quantity);
        }

        return new OutboundRecord(Streams.OrdersCreate, Id(orderId), Json.Write(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("id", orderId);
            w.WriteString("created_at", Time(at));
            w.WriteString("currency", "GBP");
            w.WriteStartArray("line_items");
            foreach (var line in sold)
            {
                w.WriteStartObject();
                w.WriteNumber("variant_id", VariantIdOf(line.StockCode));
                w.WriteNumber("product_id", ProductIdOf(line.StockCode));
                w.WriteString("sku", line.StockCode);
                w.WriteNumber("quantity", line.Quantity);
                w.WriteString("price", line.UnitPrice.ToString("0.00", CultureInfo.InvariantCulture));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }));
    }

    private static OutboundRecord Level(string stockCode, long available, DateTime at) =>
        new(Streams.InventoryLevelsUpdate, Id(InventoryItemIdOf(stockCode)), Json.Write(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("inventory_item_id", InventoryItemIdOf(stockCode));
            w.WriteNumber("location_id", LocationId);
            w.WriteNumber("available", available);
            w.WriteString("updated_at", Time(at));
            w.WriteEndObject();
        }));

    /// <summary>64-bit FNV-1a: small, stable across processes and versions.</summary>
    private static ulong Fnv1a(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }

    private static string Time(DateTime at) => at.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}

using System.Globalization;
using Retail.Generators.Clickstream;
using Retail.Generators.Records;
using Retail.Generators.Truth;

namespace Retail.Generators.Shopify;

/// <summary>
/// A small Shopify store over the clickstream generator's 17 variants: first a <c>products/update</c> for each
/// product, then a stream of orders (each followed by the product update that lowers the stock, as Shopify
/// sends both), restocks as inventory levels, and price changes. The same seed gives the same records.
/// </summary>
public sealed class CatalogGenerator
{
    private static readonly string[] ProductTitles = ["Classic Tee", "Zip Hoodie", "Canvas Cap", "Wool Socks", "Tote Bag"];
    private static readonly string[] Sizes = ["S", "M", "L", "XL"];
    private const long FirstProductId = 7_100_000_000_001;
    private const long FirstInventoryItemId = 45_100_000_000_001;
    private const long FirstOrderId = 5_900_000_000_001;
    private const long LocationId = 65_544_149_101;

    private readonly Random _random;
    private readonly TimeProvider _time;
    private readonly GroundTruth? _truth;
    private readonly List<Product> _products = [];
    private long _nextOrderId = FirstOrderId;

    public CatalogGenerator(int seed, TimeProvider? timeProvider = null, GroundTruth? truth = null)
    {
        _random = new Random(seed);
        _time = timeProvider ?? TimeProvider.System;
        _truth = truth;
        var ids = ClickstreamGenerator.VariantIds;
        var next = 0;
        for (var p = 0; p < ProductTitles.Length; p++)
        {
            var count = p < 2 ? 4 : 3;
            var basePrice = Math.Round((decimal)(10 + (_random.NextDouble() * 70)), 2);
            var variants = Enumerable.Range(0, count).Select(v => new Variant(
                ids[next + v],
                FirstInventoryItemId + next + v,
                Sizes[v],
                basePrice + (v * 2),
                _random.Next(20, 120))).ToList();
            next += count;
            _products.Add(new Product(FirstProductId + p, ProductTitles[p], variants));
        }
    }

    /// <summary>The catalog, then endless changes.</summary>
    public IEnumerable<OutboundRecord> Records()
    {
        foreach (var product in _products)
        {
            yield return ProductUpdate(product);
        }

        while (true)
        {
            var roll = _random.Next(100);
            var product = _products[Skewed(_products.Count)];
            var variant = product.Variants[_random.Next(product.Variants.Count)];
            if (roll < 70 && variant.Quantity > 0)
            {
                var units = Math.Min(_random.Next(1, 4), variant.Quantity);
                yield return Order(product, variant, units);
                variant.OldQuantity = variant.Quantity;
                variant.Quantity -= units;
                yield return ProductUpdate(product);
            }
            else if (roll < 85 || variant.Quantity == 0)
            {
                variant.Quantity += _random.Next(20, 51);
                yield return InventoryLevel(variant);
            }
            else
            {
                var change = 1 + (((decimal)_random.NextDouble() - 0.5m) / 10);
                variant.Price = Math.Round(variant.Price * change, 2);
                variant.OldQuantity = variant.Quantity;
                yield return ProductUpdate(product);
            }
        }
    }

    private int Skewed(int count) => Math.Min((int)(count * Math.Pow(_random.NextDouble(), 1.5)), count - 1);

    private OutboundRecord ProductUpdate(Product product)
    {
        var now = Timestamp();
        foreach (var variant in product.Variants)
        {
            _truth?.Quantity(variant.Id, variant.Quantity);
        }

        return new OutboundRecord(Streams.ProductsUpdate, Id(product.Id), Json.Write(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("id", product.Id);
            w.WriteString("title", product.Title);
            w.WriteString("vendor", "Retail Demo");
            w.WriteString("updated_at", now);
            w.WriteStartArray("variants");
            foreach (var variant in product.Variants)
            {
                w.WriteStartObject();
                w.WriteNumber("id", variant.Id);
                w.WriteNumber("product_id", product.Id);
                w.WriteString("title", variant.Size);
                w.WriteString("sku", $"{product.Title.Replace(' ', '-').ToLowerInvariant()}-{variant.Size.ToLowerInvariant()}");
                w.WriteString("price", variant.Price.ToString("0.00", CultureInfo.InvariantCulture));
                w.WriteNumber("inventory_item_id", variant.InventoryItemId);
                w.WriteNumber("inventory_quantity", variant.Quantity);
                w.WriteNumber("old_inventory_quantity", variant.OldQuantity ?? variant.Quantity);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }));
    }

    private OutboundRecord Order(Product product, Variant variant, int units)
    {
        var orderId = _nextOrderId++;
        _truth?.Ordered(variant.Id, units);
        return new OutboundRecord(Streams.OrdersCreate, Id(orderId), Json.Write(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("id", orderId);
            w.WriteString("created_at", Timestamp());
            w.WriteString("currency", "USD");
            w.WriteStartArray("line_items");
            w.WriteStartObject();
            w.WriteNumber("variant_id", variant.Id);
            w.WriteNumber("product_id", product.Id);
            w.WriteNumber("quantity", units);
            w.WriteString("price", variant.Price.ToString("0.00", CultureInfo.InvariantCulture));
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }));
    }

    private OutboundRecord InventoryLevel(Variant variant)
    {
        _truth?.Quantity(variant.Id, variant.Quantity);
        return new OutboundRecord(Streams.InventoryLevelsUpdate, Id(variant.InventoryItemId), Json.Write(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("inventory_item_id", variant.InventoryItemId);
            w.WriteNumber("location_id", LocationId);
            w.WriteNumber("available", variant.Quantity);
            w.WriteString("updated_at", Timestamp());
            w.WriteEndObject();
        }));
    }

    private string Timestamp() => _time.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private sealed record Product(long Id, string Title, List<Variant> Variants);

    private sealed class Variant(long id, long inventoryItemId, string size, decimal price, int quantity)
    {
        public long Id { get; } = id;

        public long InventoryItemId { get; } = inventoryItemId;

        public string Size { get; } = size;

        public decimal Price { get; set; } = price;

        public int Quantity { get; set; } = quantity;

        public int? OldQuantity { get; set; }
    }
}

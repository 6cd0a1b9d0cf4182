using System.Globalization;
using System.Text;

namespace Retail.Benchmarks.EndToEnd;

/// <summary>The benchmark's events: seed-format clickstream over many variants, uniform or Zipf-skewed.</summary>
public sealed class Workload(int variants, bool zipf, int seed = 17)
{
    public const long FirstVariant = 80_000_000_000_000;
    public const long FirstProduct = 81_000_000_000_000;

    /// <summary>Variants to a product in <see cref="Catalog"/>, as a product in sizes S to XL.</summary>
    private const int VariantsPerProduct = 4;

    /// <summary>The products <see cref="Catalog"/> updates: one record each.</summary>
    public int Products => (variants + VariantsPerProduct - 1) / VariantsPerProduct;

    private readonly Random _random = new(seed);
    private readonly double[] _cumulative = zipf ? Cumulative(variants) : [];

    /// <summary><paramref name="count"/> events, each on a variant drawn by the skew.</summary>
    public IEnumerable<(byte[] Key, byte[] Value)> Events(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return Record(FirstVariant + (zipf ? Zipf() : _random.Next(variants)));
        }
    }

    /// <summary>One event for every variant, in a shuffled order.</summary>
    public IEnumerable<(byte[] Key, byte[] Value)> EachVariantOnce()
    {
        var order = Enumerable.Range(0, variants).ToArray();
        _random.Shuffle(order);
        return order.Select(v => Record(FirstVariant + v));
    }

    /// <summary>
    /// A Shopify <c>products/update</c> for every product, naming its variants with a title, SKU, price and stock, as a
    /// store's catalog does. They name no inventory items, so only product and variant grains activate.
    /// </summary>
    public IEnumerable<(byte[] Key, byte[] Value)> Catalog(DateTimeOffset updatedAt)
    {
        var at = updatedAt.ToString("O", CultureInfo.InvariantCulture);
        for (var first = 0; first < variants; first += VariantsPerProduct)
        {
            var product = (FirstProduct + (first / VariantsPerProduct)).ToString(CultureInfo.InvariantCulture);
            var productVariants = Enumerable.Range(first, Math.Min(VariantsPerProduct, variants - first)).Select(v =>
            {
                var id = (FirstVariant + v).ToString(CultureInfo.InvariantCulture);
                var price = (10 + (v % 90) + 0.99m).ToString("0.00", CultureInfo.InvariantCulture);
                var stock = _random.Next(5, 200).ToString(CultureInfo.InvariantCulture);
                return $$"""{"id":{{id}},"product_id":{{product}},"title":"Size {{"SMLX"[v % VariantsPerProduct]}}","sku":"bench-{{id}}","price":"{{price}}","inventory_quantity":{{stock}},"old_inventory_quantity":{{stock}}}""";
            });
            yield return (Encoding.UTF8.GetBytes(product), Encoding.UTF8.GetBytes(
                $$"""{"id":{{product}},"title":"Benchmark product {{product}}","vendor":"Benchmark Supply Co","updated_at":"{{at}}","variants":[{{string.Join(',', productVariants)}}]}"""));
        }
    }

    private (byte[] Key, byte[] Value) Record(long variant)
    {
        var activity = _random.Next(10) switch { < 7 => "contentView", < 9 => "addToCart", _ => "purchase" };
        var id = variant.ToString(CultureInfo.InvariantCulture);
        return (Encoding.UTF8.GetBytes(id), Encoding.UTF8.GetBytes(
            $$"""{"ip":"111.1.1.1","userid":1644276582001,"time":"01/Jan/1970:00:00:00 +0000","product_variant_id":{{id}},"activity":"{{activity}}"}"""));
    }

    private int Zipf()
    {
        var index = Array.BinarySearch(_cumulative, _random.NextDouble());
        return Math.Min(index < 0 ? ~index : index, _cumulative.Length - 1);
    }

    // Zipf with exponent 1: the k-th most popular variant is seen in proportion to 1/k.
    private static double[] Cumulative(int n)
    {
        var weights = Enumerable.Range(1, n).Select(k => 1.0 / k).ToArray();
        var total = weights.Sum();
        var cumulative = new double[n];
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            sum += weights[i] / total;
            cumulative[i] = sum;
        }

        return cumulative;
    }
}

using Retail.IntegrationTests.Infrastructure;

namespace Retail.IntegrationTests.Shopify;

/// <summary>A silo connected to a <see cref="FakeShopifyAdmin"/>, with the seed's pricing rule so that every synced variant gets a price decision of base × 1.01.</summary>
public abstract class ShopifySilo : SiloFactory
{
    private protected ShopifySilo(FakeShopifyAdmin fake, string apply, int pageSize = 1)
        : base(new Dictionary<string, string>(fake.Settings())
        {
            ["Pricing:Apply"] = apply,
            ["Pricing:Policy"] = "seed",
            ["Shopify:SyncPageSize"] = pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }) => Fake = fake;

    internal FakeShopifyAdmin Fake { get; }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Fake.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary><c>Pricing:Apply=auto</c>; the fake's first write answers THROTTLED, and the prices of variants 72001 and 73002 are refused.</summary>
public sealed class AutoPricingSilo() : ShopifySilo(
    FakeShopifyAdmin.Start(
        [
            new FakeProduct(71000, "Auto mug", new FakeVariant(71001, "auto-mug-s", 10.00m, 40, 71901), new FakeVariant(71002, "auto-mug-l", 20.00m, 30, 71902)),
            new FakeProduct(72000, "Refused mug", new FakeVariant(72001, "refused-mug", 5.00m, 10, 72901)),
            new FakeProduct(73000, "Half refused mug", new FakeVariant(73001, "half-ok", 7.00m, 10, 73901), new FakeVariant(73002, "half-refused", 9.00m, 10, 73902)),
        ],
        throttleWrites: 1,
        refusedVariants: new HashSet<long> { 72001, 73002 }),
    "auto");

/// <summary><c>Pricing:Apply=suggest</c>, over a catalog of three one-product pages.</summary>
public sealed class SuggestPricingSilo() : ShopifySilo(
    FakeShopifyAdmin.Start(
        [
            new FakeProduct(81000, "Suggested shirt", new FakeVariant(81001, "shirt-s", 10.00m, 25, 81901), new FakeVariant(81002, "shirt-m", 30.00m, 15, 81902)),
            new FakeProduct(82000, "Synced cap", new FakeVariant(82001, "cap", 7.50m, 5, 82901)),
            new FakeProduct(83000, "Synced scarf", new FakeVariant(83001, "scarf-red", 12.00m, 3, 83901), new FakeVariant(83002, "scarf-blue", 12.00m, 0, 83902)),
        ]),
    "suggest");

/// <summary><c>Pricing:Apply=off</c>, over a catalog of 2,500 products of four variants: 10,000 variants.</summary>
public sealed class LargeCatalogSilo() : ShopifySilo(
    FakeShopifyAdmin.Start([.. Enumerable.Range(0, 2_500).Select(p => new FakeProduct(
        50_000_000 + p,
        $"Product {p}",
        [.. Enumerable.Range(0, 4).Select(v => new FakeVariant(((50_000_000L + p) * 10) + v, $"sku-{p}-{v}", 10m + v, 5 + v, ((60_000_000L + p) * 10) + v))]))]),
    "off",
    pageSize: 4);

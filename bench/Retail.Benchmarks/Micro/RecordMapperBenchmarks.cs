using System.Text;
using BenchmarkDotNet.Attributes;
using Retail.Grains.Abstractions;
using Retail.Silo.Mapping;
using Streaming.Kafka.Mapping;

namespace Retail.Benchmarks.Micro;

/// <summary>The retail record mapper: one Kafka record to stream events, for clickstream and a product update.</summary>
[MemoryDiagnoser]
public class RecordMapperBenchmarks
{
    private readonly RetailRecordMapper _mapper = new();
    private readonly MappedEvents _events = new();
    private KafkaRecord _click;
    private KafkaRecord _product;

    [GlobalSetup]
    public void Setup()
    {
        var click = Encoding.UTF8.GetBytes("""{"ip":"111.1.1.1","userid":1644276582001,"time":"01/Jan/1970:00:00:00 +0000","product_variant_id":40172031311917,"activity":"contentView"}""");
        var product = Encoding.UTF8.GetBytes("""{"id":7100000000001,"title":"Classic Tee","vendor":"Acme","updated_at":"2026-11-24T08:00:00Z","variants":[{"id":40172031311917,"product_id":7100000000001,"sku":"tee-s","price":"19.99","inventory_item_id":45100000000001,"inventory_quantity":75,"old_inventory_quantity":76},{"id":40172031344685,"product_id":7100000000001,"sku":"tee-m","price":"19.99","inventory_item_id":45100000000002,"inventory_quantity":50,"old_inventory_quantity":50}]}""");
        _click = new KafkaRecord("shopify_clickstream", 0, 1, DateTimeOffset.UnixEpoch, default, click, null);
        _product = new KafkaRecord("plf_products_update", 0, 1, DateTimeOffset.UnixEpoch, default, product, null);
    }

    [Benchmark(Baseline = true)]
    public int Clickstream()
    {
        _events.Clear();
        _mapper.Map(_click, StreamNames.Clickstream, _events);
        return _events.Count;
    }

    [Benchmark]
    public int ProductUpdateWithTwoVariants()
    {
        _events.Clear();
        _mapper.Map(_product, StreamNames.VariantUpdates, _events);
        return _events.Count;
    }
}

using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using Retail.Grains.Abstractions.Events;

namespace Retail.Benchmarks.Micro;

/// <summary>Our clickstream reader against a plain <see cref="JsonSerializer"/> baseline, on the seed's record.</summary>
[MemoryDiagnoser]
public class ClickstreamParsingBenchmarks
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch;

    private readonly byte[] _record = Encoding.UTF8.GetBytes(
        """{"ip":"111.152.45.45","userid":1644276582001,"time":"24/Nov/2026:10:00:00 +0000","_time":1795514400000,"product_variant_id":40172031311917,"activity":"contentView"}""");

    [Benchmark(Baseline = true)]
    public long JsonSerializerBaseline() => JsonSerializer.Deserialize<SeedRecord>(_record)!.ProductVariantId;

    [Benchmark]
    public long ClickstreamJsonReader() =>
        ClickstreamJson.TryParse(_record, Now, out var click, out _) ? click!.VariantId : 0;

    public sealed record SeedRecord(
        [property: JsonPropertyName("ip")] string Ip,
        [property: JsonPropertyName("userid")] long UserId,
        [property: JsonPropertyName("time")] string Time,
        [property: JsonPropertyName("product_variant_id")] long ProductVariantId,
        [property: JsonPropertyName("activity")] string Activity);
}

using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Options;
using Retail.Grains.Abstractions.Variants;
using Retail.Grains.Pricing;

namespace Retail.Benchmarks.Micro;

/// <summary>One pricing decision, the seed rule against the guarded default policy.</summary>
[MemoryDiagnoser]
public class PricingPolicyBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    private readonly SeedPricingPolicy _seed = new();
    private readonly DemandPricingPolicy _default = new(Options.Create(new DemandPricingOptions()));
    private readonly PricingInput _input = new(1, 19.99m, 19.99m, Now.AddMinutes(-5), ActivityCounts.None with { ContentView = 40 }, 40, 6, 2, 12.5, Now);

    [Benchmark(Baseline = true)]
    public decimal? Seed() => _seed.Decide(_input)?.NewPrice;

    [Benchmark]
    public decimal? Default() => _default.Decide(_input)?.NewPrice;
}

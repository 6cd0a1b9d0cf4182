namespace Retail.Benchmarks.EndToEnd.Sides;

/// <summary>What a side is told as it starts: its broker, the marks it will be asked about, the variants it is verified on.</summary>
/// <param name="BootstrapServers">The side's own, fresh broker.</param>
/// <param name="Marks">Records in all after the warm-up and after each burst.</param>
/// <param name="Verified">The variants whose counts are checked at the end.</param>
internal sealed record SideSetup(string BootstrapServers, IReadOnlyList<long> Marks, IReadOnlyList<long> Verified);

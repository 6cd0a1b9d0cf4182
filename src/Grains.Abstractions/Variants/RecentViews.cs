namespace Retail.Grains.Abstractions.Variants;

/// <summary>Content views in sliding windows ending now.</summary>
[GenerateSerializer, Immutable]
public sealed record RecentViews(
    [property: Id(0)] long Last15Minutes,
    [property: Id(1)] long LastHour);

namespace Retail.Grains.Shopify;

/// <summary>The durable state of the shop grain: whether the app is uninstalled, which stops price writes.</summary>
[GenerateSerializer]
public sealed record ShopState
{
    /// <summary>When <c>app/uninstalled</c> arrived; cleared by the next successful sync.</summary>
    [Id(0)]
    public DateTimeOffset? UninstalledAt { get; init; }
}

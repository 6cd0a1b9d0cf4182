namespace Retail.Grains.Abstractions.Shopify;

/// <summary>The connection to Shopify and its catalog sync, as <c>GET /api/shopify/sync</c> shows them.</summary>
/// <param name="State"><c>off</c> (not connected), <c>idle</c>, <c>running</c>, <c>done</c> or <c>failed</c>.</param>
/// <param name="ProductsRead">Products read by the current or last sync.</param>
/// <param name="VariantsRead">Their variants.</param>
/// <param name="StartedAt">When the current or last sync started.</param>
/// <param name="FinishedAt">When the last sync ended.</param>
/// <param name="LastError">Why the last sync failed.</param>
/// <param name="Uninstalled">When the app was uninstalled, while price writes are stopped; <c>null</c> when connected.</param>
[GenerateSerializer, Immutable]
public sealed record ShopifySyncStatus(
    [property: Id(0)] string State,
    [property: Id(1)] long ProductsRead,
    [property: Id(2)] long VariantsRead,
    [property: Id(3)] DateTimeOffset? StartedAt,
    [property: Id(4)] DateTimeOffset? FinishedAt,
    [property: Id(5)] string? LastError,
    [property: Id(6)] DateTimeOffset? Uninstalled);

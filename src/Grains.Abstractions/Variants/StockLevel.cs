namespace Retail.Grains.Abstractions.Variants;

/// <summary>A variant's quantity on hand as Shopify last reported it.</summary>
/// <param name="Quantity">The quantity.</param>
/// <param name="OldQuantity">The quantity before, as last known or as Shopify reported it.</param>
/// <param name="AsOf">Shopify's time of the quantity, so an older report cannot overwrite a newer one.</param>
/// <param name="OutSince">Since when nothing has been on hand; <c>null</c> while in stock. Days out of stock say nothing of demand.</param>
[GenerateSerializer, Immutable]
public sealed record StockLevel(
    [property: Id(0)] long Quantity,
    [property: Id(1)] long? OldQuantity,
    [property: Id(2)] DateTimeOffset AsOf,
    [property: Id(3)] DateTimeOffset? OutSince = null);

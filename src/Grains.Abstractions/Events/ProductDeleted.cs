namespace Retail.Grains.Abstractions.Events;

/// <summary>A Shopify <c>products/delete</c>, for the product grain, which tells its variants.</summary>
[GenerateSerializer, Immutable]
public sealed record ProductDeleted(
    [property: Id(0)] long ProductId,
    [property: Id(1)] DateTimeOffset DeletedAt) : IProductEvent;

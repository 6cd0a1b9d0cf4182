using Retail.Grains.ExactlyOnce;

namespace Retail.Grains.Products;

/// <summary>One product: its title, vendor and every variant it has had, until Shopify deletes it.</summary>
/// <remarks>
/// Written through on every delivery and rarely updated, so it leaves memory after two idle minutes rather than
/// Orleans' fifteen: a catalog update activates a grain per product.
/// </remarks>
[ImplicitStreamSubscription(StreamNames.Products)]
[PreferLocalPlacement]
[CollectionAgeLimit(Minutes = 2)]
internal sealed class ProductGrain(
    [PersistentState("product", StorageNames.Retail)] IPersistentState<ProductState> state)
    : DurableConsumerGrain<ProductState, IProductEvent>(state, writeThrough: true), IProductGrain
{
    Task<ProductSnapshot?> IProductGrain.GetSnapshotAsync()
    {
        var current = Persisted.State;
        return Task.FromResult(current.UpdatedAt is { } updatedAt
            ? new ProductSnapshot(this.GetPrimaryKeyLong(), current.Title, current.Vendor, current.VariantIds, updatedAt)
            : null);
    }

    protected override async ValueTask<ProductState> ApplyAsync(ProductState current, IReadOnlyList<IProductEvent> events, string topic)
    {
        foreach (var productEvent in events)
        {
            if (productEvent is ProductDeleted delete)
            {
                // The variants are told before the position is written: a redelivery after a crash tells them again.
                await Task.WhenAll(current.VariantIds.Select(id => GrainFactory.GetGrain<IProductVariantGrain>(id).DeleteAsync(delete.DeletedAt)));
                current = current with { DeletedAt = current.DeletedAt ?? delete.DeletedAt };
                continue;
            }

            var update = (ProductUpdated)productEvent;
            var newer = current.UpdatedAt is not { } known || update.UpdatedAt >= known;
            current = current with
            {
                Title = newer ? update.Title ?? current.Title : current.Title,
                Vendor = newer ? update.Vendor ?? current.Vendor : current.Vendor,
                VariantIds = [.. current.VariantIds, .. update.VariantIds.Where(id => !current.VariantIds.Contains(id))],
                UpdatedAt = newer ? update.UpdatedAt : current.UpdatedAt,
            };
        }

        return current;
    }
}

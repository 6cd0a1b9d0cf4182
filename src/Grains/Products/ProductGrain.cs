using Orleans.Streams.Core;
using Retail.Grains.ExactlyOnce;

namespace Retail.Grains.Products;

/// <summary>One product: its title, vendor and every variant it has had, until Shopify deletes it.</summary>
/// <remarks>
/// Written through on every event and rarely updated, so it leaves memory after two idle minutes rather than
/// Orleans' fifteen: a catalog update activates a grain per product.
/// </remarks>
[ImplicitStreamSubscription(StreamNames.Products)]
[CollectionAgeLimit(Minutes = 2)]
internal sealed class ProductGrain(
    [PersistentState("product", StorageNames.Retail)] IPersistentState<ProductState> state)
    : WriteThroughGrain<ProductState>(state, StreamNames.Products), IProductGrain, IStreamSubscriptionObserver
{
    Task<ProductSnapshot?> IProductGrain.GetSnapshotAsync()
    {
        var current = Persisted.State;
        return Task.FromResult(current.UpdatedAt is { } updatedAt
            ? new ProductSnapshot(this.GetPrimaryKeyLong(), current.Title, current.Vendor, current.VariantIds, updatedAt)
            : null);
    }

    async Task IStreamSubscriptionObserver.OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
    {
        await handleFactory.Create<IProductEvent>().ResumeAsync((productEvent, _) => productEvent switch
        {
            ProductUpdated update => OnUpdatedAsync(update),
            ProductDeleted delete => OnDeletedAsync(delete),
            _ => Task.CompletedTask,
        });
    }

    private Task OnUpdatedAsync(ProductUpdated update)
    {
        if (!TryAdvance(update.Source, out var current))
        {
            return Task.CompletedTask;
        }

        var newer = current.UpdatedAt is not { } known || update.UpdatedAt >= known;
        Persisted.State = current with
        {
            Title = newer ? update.Title ?? current.Title : current.Title,
            Vendor = newer ? update.Vendor ?? current.Vendor : current.Vendor,
            VariantIds = [.. current.VariantIds, .. update.VariantIds.Where(id => !current.VariantIds.Contains(id))],
            UpdatedAt = newer ? update.UpdatedAt : current.UpdatedAt,
        };
        return Persisted.WriteStateAsync();
    }

    private async Task OnDeletedAsync(ProductDeleted delete)
    {
        if (!TryAdvance(delete.Source, out var current))
        {
            return;
        }

        // The variants first: if this grain dies between, the redelivery finds the position not yet written and tells them again.
        await Task.WhenAll(current.VariantIds.Select(id => GrainFactory.GetGrain<IProductVariantGrain>(id).DeleteAsync(delete.DeletedAt)));
        Persisted.State = current with { DeletedAt = current.DeletedAt ?? delete.DeletedAt };
        await Persisted.WriteStateAsync();
    }
}

using Orleans.Streams.Core;
using Retail.Grains.Variants;

namespace Retail.Grains.Products;

/// <summary>One product: its title, vendor and every variant it has had.</summary>
/// <remarks>
/// Written through on every event and rarely updated, so it leaves memory after two idle minutes rather than
/// Orleans' fifteen: a catalog update activates a grain per product.
/// </remarks>
[ImplicitStreamSubscription(StreamNames.Products)]
[CollectionAgeLimit(Minutes = 2)]
internal sealed class ProductGrain(
    [PersistentState("product", StorageNames.Retail)] IPersistentState<ProductState> state)
    : Grain, IProductGrain, IStreamSubscriptionObserver
{
    Task<ProductSnapshot?> IProductGrain.GetSnapshotAsync()
    {
        var current = state.State;
        return Task.FromResult(current.UpdatedAt is { } updatedAt
            ? new ProductSnapshot(this.GetPrimaryKeyLong(), current.Title, current.Vendor, current.VariantIds, updatedAt)
            : null);
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.LegacyApplied is { } legacy)
        {
            var applied = AppliedPositions.Carry(state.State.Applied, legacy);
            state.State = state.State with { Applied = applied, LegacyApplied = AppliedPosition.Keyed(applied) };
        }

        return base.OnActivateAsync(cancellationToken);
    }

    // Written through on every event, so its durable state is always current.
    Task<bool> IDurableStreamConsumer.MakeDurableAsync(string streamNamespace, SourcePosition upTo) =>
        Task.FromResult(AppliedPositions.Covers(state.State.Applied, streamNamespace, upTo));

    async Task IStreamSubscriptionObserver.OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
    {
        await handleFactory.Create<ProductUpdated>().ResumeAsync((update, _) => OnUpdatedAsync(update));
    }

    private Task OnUpdatedAsync(ProductUpdated update)
    {
        var current = state.State;
        if (!AppliedPositions.TryAdvance(current.Applied, StreamNames.Products, update.Source, out var applied))
        {
            return Task.CompletedTask;
        }

        var newer = current.UpdatedAt is not { } known || update.UpdatedAt >= known;
        state.State = current with
        {
            Title = newer ? update.Title ?? current.Title : current.Title,
            Vendor = newer ? update.Vendor ?? current.Vendor : current.Vendor,
            VariantIds = [.. current.VariantIds, .. update.VariantIds.Where(id => !current.VariantIds.Contains(id))],
            UpdatedAt = newer ? update.UpdatedAt : current.UpdatedAt,
            Applied = applied,
            LegacyApplied = AppliedPosition.Keyed(applied),
        };
        return state.WriteStateAsync();
    }
}

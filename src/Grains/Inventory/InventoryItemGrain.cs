using Orleans.Streams.Core;
using Retail.Grains.ExactlyOnce;

namespace Retail.Grains.Inventory;

/// <summary>
/// One inventory item. Keeps the latest level per location and passes the total to its variant; levels that
/// arrive before a product update has named the variant are kept until it does.
/// </summary>
/// <remarks>Written through on every event, so, like a product, it leaves memory after two idle minutes.</remarks>
[ImplicitStreamSubscription(StreamNames.InventoryLevels)]
[CollectionAgeLimit(Minutes = 2)]
internal sealed class InventoryItemGrain(
    [PersistentState("inventory-item", StorageNames.Retail)] IPersistentState<InventoryItemState> state)
    : WriteThroughGrain<InventoryItemState>(state, StreamNames.InventoryLevels), IInventoryItemGrain, IStreamSubscriptionObserver
{
    public Task<long?> GetVariantAsync() => Task.FromResult(Persisted.State.VariantId);

    public Task<long?> GetAvailableAsync() =>
        Task.FromResult(Persisted.State.Levels.IsEmpty ? null : (long?)Persisted.State.Levels.Values.Sum(l => l.Available));

    public async Task LinkVariantAsync(long variantId)
    {
        var current = Persisted.State;
        if (current.VariantId == variantId && !current.Pending)
        {
            return;
        }

        Persisted.State = current with { VariantId = variantId, Pending = false };
        await Persisted.WriteStateAsync();
        if (current.Pending || current.VariantId != variantId)
        {
            Forward(variantId, Persisted.State);
        }
    }

    async Task IStreamSubscriptionObserver.OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
    {
        await handleFactory.Create<InventoryLevelChanged>().ResumeAsync((level, _) => OnLevelAsync(level));
    }

    private async Task OnLevelAsync(InventoryLevelChanged level)
    {
        if (!TryAdvance(level.Source, out var current))
        {
            return;
        }

        var levels = current.Levels.TryGetValue(level.LocationId, out var known) && known.UpdatedAt > level.UpdatedAt
            ? current.Levels
            : current.Levels.SetItem(level.LocationId, level);
        Persisted.State = current with { Levels = levels, Pending = current.VariantId is null };
        await Persisted.WriteStateAsync();
        if (Persisted.State.VariantId is { } variantId)
        {
            Forward(variantId, Persisted.State);
        }
    }

    private void Forward(long variantId, InventoryItemState item)
    {
        if (item.Levels.IsEmpty)
        {
            return;
        }

        var total = item.Levels.Values.Sum(l => l.Available);
        var asOf = item.Levels.Values.Max(l => l.UpdatedAt);
        // One-way: the variant may be calling this grain right now.
        _ = GrainFactory.GetGrain<IProductVariantGrain>(variantId).ApplyInventoryAsync(total, asOf);
    }
}

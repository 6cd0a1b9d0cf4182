using Retail.Grains.ExactlyOnce;

namespace Retail.Grains.Inventory;

/// <summary>
/// One inventory item. Keeps the latest level per location and passes the total to its variant; levels that
/// arrive before a product update has named the variant are kept until it does.
/// </summary>
/// <remarks>Written through on every delivery, so, like a product, it leaves memory after two idle minutes.</remarks>
[ImplicitStreamSubscription(StreamNames.InventoryLevels)]
[PreferLocalPlacement]
[CollectionAgeLimit(Minutes = 2)]
internal sealed class InventoryItemGrain(
    [PersistentState("inventory-item", StorageNames.Retail)] IPersistentState<InventoryItemState> state)
    : DurableConsumerGrain<InventoryItemState, InventoryLevelChanged>(state, writeThrough: true), IInventoryItemGrain
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

        await KeepAsync(current with { VariantId = variantId, Pending = false });
        if (current.Pending || current.VariantId != variantId)
        {
            Forward(variantId, Persisted.State);
        }
    }

    protected override ValueTask<InventoryItemState> ApplyAsync(InventoryItemState current, IReadOnlyList<InventoryLevelChanged> events, string topic)
    {
        var levels = current.Levels;
        foreach (var level in events)
        {
            if (!levels.TryGetValue(level.LocationId, out var known) || known.UpdatedAt <= level.UpdatedAt)
            {
                levels = levels.SetItem(level.LocationId, level);
            }
        }

        var next = current with { Levels = levels, Pending = current.VariantId is null };
        if (next.VariantId is { } variantId)
        {
            Forward(variantId, next);
        }

        return ValueTask.FromResult(next);
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

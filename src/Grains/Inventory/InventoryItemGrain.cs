using Orleans.Streams.Core;
using Retail.Grains.Variants;

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
    : Grain, IInventoryItemGrain, IStreamSubscriptionObserver
{
    public Task<long?> GetVariantAsync() => Task.FromResult(state.State.VariantId);

    public Task<long?> GetAvailableAsync() =>
        Task.FromResult(state.State.Levels.IsEmpty ? null : (long?)state.State.Levels.Values.Sum(l => l.Available));

    public async Task LinkVariantAsync(long variantId)
    {
        var current = state.State;
        if (current.VariantId == variantId && !current.Pending)
        {
            return;
        }

        state.State = current with { VariantId = variantId, Pending = false };
        await state.WriteStateAsync();
        if (current.Pending || current.VariantId != variantId)
        {
            Forward(variantId, state.State);
        }
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
        await handleFactory.Create<InventoryLevelChanged>().ResumeAsync((level, _) => OnLevelAsync(level));
    }

    private async Task OnLevelAsync(InventoryLevelChanged level)
    {
        var current = state.State;
        if (!AppliedPositions.TryAdvance(current.Applied, StreamNames.InventoryLevels, level.Source, out var applied))
        {
            return;
        }

        var levels = current.Levels.TryGetValue(level.LocationId, out var known) && known.UpdatedAt > level.UpdatedAt
            ? current.Levels
            : current.Levels.SetItem(level.LocationId, level);
        state.State = current with { Levels = levels, Pending = current.VariantId is null, Applied = applied, LegacyApplied = AppliedPosition.Keyed(applied) };
        await state.WriteStateAsync();
        if (state.State.VariantId is { } variantId)
        {
            Forward(variantId, state.State);
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

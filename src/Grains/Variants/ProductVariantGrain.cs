using Orleans.Streams.Core;
using Retail.Grains.Activity;

namespace Retail.Grains.Variants;

/// <summary>
/// One product variant. Activated by its streams; applies each event to its state and keeps it.
/// </summary>
[ImplicitStreamSubscription(StreamNames.Clickstream)]
internal sealed class ProductVariantGrain(
    [PersistentState("variant", StorageNames.Retail)] IPersistentState<ProductVariantState> state)
    : Grain, IProductVariantGrain, IStreamSubscriptionObserver
{
    Task<VariantSnapshot?> IProductVariantGrain.GetSnapshotAsync()
    {
        var current = state.State;
        return Task.FromResult(current.UpdatedAt is { } updatedAt
            ? new VariantSnapshot(this.GetPrimaryKeyLong(), current.Activity, updatedAt)
            : null);
    }

    async Task IStreamSubscriptionObserver.OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
    {
        await handleFactory.Create<ClickstreamEvent>().ResumeAsync(OnClickstreamAsync);
    }

    private Task OnClickstreamAsync(ClickstreamEvent clickstreamEvent, StreamSequenceToken? token)
    {
        state.State = state.State with
        {
            Activity = state.State.Activity.Add(clickstreamEvent.Activity),
            UpdatedAt = clickstreamEvent.Timestamp,
        };
        return state.WriteStateAsync();
    }
}

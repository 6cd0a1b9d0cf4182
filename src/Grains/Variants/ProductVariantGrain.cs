using Microsoft.Extensions.Options;
using Orleans.Streams.Core;
using Retail.Grains.ExactlyOnce;
using Retail.Grains.Forecasting;
using Retail.Grains.Insights;
using Retail.Grains.Pricing;
using Retail.Grains.Publishing;

namespace Retail.Grains.Variants;

/// <summary>
/// One product variant. Activated by its stream; applies each event once, decides its price and
/// sell-through, publishes what changed, and reports to the cross-variant index.
/// </summary>
/// <remarks>
/// State is written when the Kafka commit gate asks (<see cref="IDurableStreamConsumer.MakeDurableAsync"/>,
/// once per commit interval) and on deactivation, not per event: offsets never move past effects that are
/// not durable. When a grain dies before its write, its next activation refuses deliveries that do not follow
/// on from its state (the provider names each stream's previous record), so the gate finds the state short,
/// the partition is read again from its last commit, and events the grain already has are skipped by position.
/// </remarks>
[ImplicitStreamSubscription(StreamNames.Variant)]
internal sealed class ProductVariantGrain(
    [PersistentState("variant", StorageNames.Retail)] IPersistentState<ProductVariantState> state,
    IPricingPolicy pricing,
    IOptions<ForecastingOptions> forecasting,
    TimeProvider time,
    VariantReportBuffer reports,
    IStreamPublisher publisher,
    VariantMetrics metrics)
    : Grain, IProductVariantGrain, IDurableStreamConsumer, IStreamSubscriptionObserver
{
    private readonly DemandForecaster _forecasting = new(forecasting.Value);
    private readonly VariantReportBuffer.Slot _report = VariantReportBuffer.CreateSlot();

    // Set while effects are in memory only, until the commit gate's check or deactivation writes them.
    private bool _dirty;

    private long Id => this.GetPrimaryKeyLong();

    Task<VariantSnapshot?> IProductVariantGrain.GetSnapshotAsync() =>
        Task.FromResult(state.State.UpdatedAt is null ? null : VariantReducer.Snapshot(Id, state.State, time.GetUtcNow(), _forecasting));

    Task<IReadOnlyList<PriceDecision>> IProductVariantGrain.GetPriceHistoryAsync() =>
        Task.FromResult<IReadOnlyList<PriceDecision>>(state.State.RecentDecisions);

    Task<SellThroughForecast?> IProductVariantGrain.GetForecastAsync() =>
        Task.FromResult(state.State.UpdatedAt is null ? null : VariantReducer.Forecast(Id, state.State, time.GetUtcNow(), _forecasting));

    async Task IProductVariantGrain.ApplyInventoryAsync(long available, DateTimeOffset asOf)
    {
        await ChangeAsync(VariantReducer.SetQuantity(state.State, available, reportedOld: null, asOf, _forecasting));

        // A direct call has no Kafka offset behind it to replay from, so it is persisted at once.
        await FlushAsync();
    }

    async Task<bool> IDurableStreamConsumer.MakeDurableAsync(string streamNamespace, SourcePosition upTo)
    {
        await FlushAsync();
        return AppliedPositions.Covers(state.State.Applied, streamNamespace, upTo);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await FlushAsync();
        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    async Task IStreamSubscriptionObserver.OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
    {
        await handleFactory.Create<IVariantEvent>().ResumeAsync(async (IList<SequentialItem<IVariantEvent>> batch) =>
        {
            // A delivery comes from one topic partition, so its first event speaks for the rest.
            if (batch.Count > 0 && Follows(batch[0].Item) is false)
            {
                // The stream's previous record is not in this state: an earlier activation applied it and was lost
                // before it persisted. Applying later events on top would hide that gap from the commit gate, which
                // instead finds the state short of this batch and has the partition read again.
                metrics.Gap(batch[0].Item.SourceNamespace);
                return;
            }

            await ApplyAsync(batch);
        });
    }

    /// <summary>Whether the state holds the stream's record before <paramref name="first"/>; <c>null</c> when the provider did not say which that is.</summary>
    private bool? Follows(IVariantEvent first)
    {
        var preceding = RequestContext.Get(StreamNames.PrecedingOffsetContextKey) as long?;
        // It describes this delivery only: keep it out of the calls this grain makes next.
        RequestContext.Remove(StreamNames.PrecedingOffsetContextKey);
        return AppliedPositions.Follows(state.State.Applied, first.SourceNamespace, first.Source, preceding);
    }

    /// <summary>
    /// Applies a delivery's new events, then decides price and sell-through once for all of them: a busy variant
    /// gets many events per delivery, and what it decides depends only on the state they leave.
    /// </summary>
    private async Task ApplyAsync(IList<SequentialItem<IVariantEvent>> batch)
    {
        var current = state.State;
        var next = current;
        var applied = current.Applied;
        var count = 0;
        foreach (var item in batch)
        {
            var variantEvent = item.Item;
            if (!AppliedPositions.TryAdvance(applied, variantEvent.SourceNamespace, variantEvent.Source, out applied))
            {
                metrics.Duplicate(variantEvent.SourceNamespace);
                continue;
            }

            if (variantEvent is VariantUpdated { InventoryItemId: { } itemId } && itemId != next.Catalog?.InventoryItemId)
            {
                await GrainFactory.GetGrain<IInventoryItemGrain>(itemId).LinkVariantAsync(Id);
            }

            next = variantEvent switch
            {
                ClickstreamEvent click => VariantReducer.Apply(next, click, _forecasting),
                VariantUpdated update => VariantReducer.Apply(next, update, _forecasting),
                VariantSold sale => VariantReducer.Apply(next, sale, _forecasting),
                _ => next,
            };
            count++;
        }

        if (count == 0)
        {
            return;
        }

        await ChangeAsync(next with { Applied = applied });
        metrics.Applied(batch[0].Item.SourceNamespace, count);
        var visible = time.GetUtcNow();
        foreach (var item in batch)
        {
            if (item.Item is ClickstreamEvent click && !AppliedPositions.Covers(current.Applied, click.SourceNamespace, click.Source))
            {
                metrics.Visible(visible - click.Timestamp);
            }
        }
    }

    /// <summary>Decides price and sell-through on the new state, publishes what changed, and keeps it.</summary>
    private async Task ChangeAsync(ProductVariantState next)
    {
        var now = time.GetUtcNow();
        next = next with { UpdatedAt = now };

        // Pricing changes neither stock nor sales, so one forecast serves the decision, publishing and the index.
        var forecast = VariantReducer.Forecast(Id, next, now, _forecasting);
        if (VariantReducer.Decide(Id, next, forecast, pricing, now) is { } decision)
        {
            next = VariantReducer.Record(next, decision);
            metrics.PriceChanged(decision.Policy);
            await publisher.PublishAsync(StreamId.Create(StreamNames.DynamicPrices, Id), decision);
        }

        if (SellThrough.Differs(next.PublishedForecast, forecast))
        {
            next = next with { PublishedForecast = forecast };
            await publisher.PublishAsync(StreamId.Create(StreamNames.SellThrough, Id), forecast);
        }

        state.State = next;
        _dirty = true;
        reports.Report(_report, VariantReducer.Summary(Id, next, forecast, now));
    }

    private async Task FlushAsync()
    {
        if (!_dirty)
        {
            return;
        }

        await state.WriteStateAsync();
        _dirty = false;
    }
}

using Microsoft.Extensions.Options;
using Retail.Grains.ExactlyOnce;
using Retail.Grains.Forecasting;
using Retail.Grains.Insights;
using Retail.Grains.Pricing;
using Retail.Grains.Publishing;
using Retail.Grains.Shopify;

namespace Retail.Grains.Variants;

/// <summary>
/// One product variant. Activated by its stream; applies each event once, decides its price and
/// sell-through, publishes what changed, and reports to the cross-variant index.
/// </summary>
/// <remarks>
/// Written behind (see <see cref="DurableConsumerGrain{TState, TEvent}"/>): a busy variant gets events every
/// second, and one write per commit interval serves them all.
/// </remarks>
[ImplicitStreamSubscription(StreamNames.Variant)]
// Usually activated by its stream's first delivery, so it lives on the silo that reads its partition and deliveries
// stay in the process; Orleans' default weighs the silos' load instead, and puts some on the other silos.
[PreferLocalPlacement]
internal sealed class ProductVariantGrain(
    [PersistentState("variant", StorageNames.Retail)] IPersistentState<ProductVariantState> state,
    IPricingPolicy pricing,
    IOptions<ForecastingOptions> forecasting,
    TimeProvider time,
    VariantReportBuffer reports,
    IStreamPublisher publisher,
    PriceApplyMode apply,
    VariantMetrics metrics)
    : DurableConsumerGrain<ProductVariantState, IVariantEvent>(state, writeThrough: false), IProductVariantGrain
{
    private readonly DemandForecaster _forecasting = new(forecasting.Value);
    private readonly VariantReportBuffer.Slot _report = VariantReportBuffer.CreateSlot();

    private long Id => this.GetPrimaryKeyLong();

    Task<VariantSnapshot?> IProductVariantGrain.GetSnapshotAsync() =>
        Task.FromResult(Persisted.State.UpdatedAt is null ? null : VariantReducer.Snapshot(Id, Persisted.State, time.GetUtcNow(), _forecasting));

    Task<IReadOnlyList<PriceDecision>> IProductVariantGrain.GetPriceHistoryAsync() =>
        Task.FromResult<IReadOnlyList<PriceDecision>>(Persisted.State.RecentDecisions);

    Task<SellThroughForecast?> IProductVariantGrain.GetForecastAsync() =>
        Task.FromResult(Persisted.State.UpdatedAt is null ? null : VariantReducer.Forecast(Id, Persisted.State, time.GetUtcNow(), _forecasting));

    async Task IProductVariantGrain.ApplyInventoryAsync(long available, DateTimeOffset asOf)
    {
        await KeepNowAsync(await DecideAsync(VariantReducer.SetQuantity(Persisted.State, available, reportedOld: null, asOf, _forecasting)));
    }

    async Task IProductVariantGrain.DeleteAsync(DateTimeOffset deletedAt)
    {
        if (Persisted.State.DeletedAt is null)
        {
            await ReportAndKeepNowAsync(VariantReducer.Delete(Persisted.State, deletedAt));
        }
    }

    Task IProductVariantGrain.RecordPriceWriteAsync(PriceWriteResult result) => ReportAndKeepNowAsync(VariantReducer.RecordWrite(Persisted.State, result));

    async Task<PriceDecision?> IProductVariantGrain.ApproveSuggestionAsync()
    {
        if (Persisted.State.Write?.Suggestion is not { } suggestion)
        {
            return null;
        }

        await WriteAsync(Persisted.State, suggestion);
        await ReportAndKeepNowAsync(VariantReducer.ClearSuggestion(Persisted.State));
        return suggestion;
    }

    async Task<PriceDecision?> IProductVariantGrain.RejectSuggestionAsync()
    {
        if (Persisted.State.Write?.Suggestion is not { } suggestion)
        {
            return null;
        }

        await ReportAndKeepNowAsync(VariantReducer.ClearSuggestion(Persisted.State));
        return suggestion;
    }

    protected override void OnDuplicate(string topic) => metrics.Duplicate(topic);

    protected override void OnGap(string topic) => metrics.Gap(topic);

    /// <summary>
    /// Applies a delivery's new events, then decides price and sell-through once for all of them: a busy variant
    /// gets many events per delivery, and what it decides depends only on the state they leave.
    /// </summary>
    protected override async ValueTask<ProductVariantState> ApplyAsync(ProductVariantState current, IReadOnlyList<IVariantEvent> events, string topic)
    {
        var next = current;

        // Runs of clickstream events are applied at once (see VariantReducer), in order with the other events.
        var clicks = new List<ClickstreamEvent>(events.Count);
        for (var i = 0; i < events.Count; i++)
        {
            var variantEvent = events[i];
            if (variantEvent is ClickstreamEvent click)
            {
                clicks.Add(click);
                continue;
            }

            if (clicks.Count > 0)
            {
                next = VariantReducer.Apply(next, clicks, _forecasting);
                clicks.Clear();
            }

            if (variantEvent is VariantUpdated { InventoryItemId: { } itemId } && itemId != next.Catalog?.InventoryItemId)
            {
                await GrainFactory.GetGrain<IInventoryItemGrain>(itemId).LinkVariantAsync(Id);
            }

            next = variantEvent switch
            {
                VariantUpdated update => VariantReducer.Apply(next, update, _forecasting),
                VariantSold sale => VariantReducer.Apply(next, sale, _forecasting),
                OrderCancelled cancel => VariantReducer.Apply(next, cancel),
                VariantRefunded refund => VariantReducer.Apply(next, refund),
                _ => next,
            };
        }

        if (clicks.Count > 0)
        {
            next = VariantReducer.Apply(next, clicks, _forecasting);
        }

        next = await DecideAsync(next);
        metrics.Applied(topic, events.Count);
        var visible = time.GetUtcNow();
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i] is ClickstreamEvent click)
            {
                metrics.Visible(visible - click.Timestamp);
            }
        }

        return next;
    }

    /// <summary>Decides price and sell-through on the new state, publishes what changed, and reports to the index.</summary>
    private async Task<ProductVariantState> DecideAsync(ProductVariantState next)
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
            if (apply.Suggests && next.DeletedAt is null)
            {
                next = VariantReducer.Suggest(next, decision);
            }
        }

        if (apply.Writes && VariantReducer.Unwritten(next) is { } owed)
        {
            await WriteAsync(next, owed);
        }

        if (SellThrough.Differs(next.PublishedForecast, forecast))
        {
            next = next with { PublishedForecast = forecast };
            await publisher.PublishAsync(StreamId.Create(StreamNames.SellThrough, Id), forecast);
        }

        reports.Report(_report, VariantReducer.Summary(Id, next, forecast, now));
        return next;
    }

    /// <summary>Hands a decided price to its product's writer.</summary>
    private Task WriteAsync(ProductVariantState current, PriceDecision decision) =>
        current.Catalog?.ProductId is { } productId
            ? GrainFactory.GetGrain<IPriceWriterGrain>(productId).SubmitAsync(new PriceToWrite(Id, decision.NewPrice, decision.DecidedAt))
            : Task.CompletedTask;

    /// <summary>Reports a change that came by a direct call, not a stream, to the index, and persists it at once.</summary>
    private Task ReportAndKeepNowAsync(ProductVariantState next)
    {
        var now = time.GetUtcNow();
        reports.Report(_report, VariantReducer.Summary(Id, next, VariantReducer.Forecast(Id, next, now, _forecasting), now));
        return KeepNowAsync(next);
    }
}

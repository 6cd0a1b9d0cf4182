using Microsoft.Extensions.Logging;

namespace Retail.Grains.Shopify;

/// <summary>
/// Writes one product's decided prices to Shopify: the latest per variant, all pending variants of the product in one
/// <c>productVariantsBulkUpdate</c>. A decision that arrives while a write is in flight waits for the next batch; a
/// newer one replaces an unwritten older one. Transient failures are retried a few times with backoff, never forever;
/// refusals (<c>userErrors</c>) are recorded on the variants, never retried.
/// </summary>
internal sealed partial class PriceWriterGrain(
    [PersistentState("price-writer", StorageNames.Retail)] IPersistentState<PriceWriterState> state,
    IShopifyAdmin admin,
    TimeProvider time,
    ILogger<PriceWriterGrain> logger)
    : Grain, IPriceWriterGrain
{
    /// <summary>Failed attempts at one batch before its prices are given up, with the error recorded.</summary>
    public const int MaxFailures = 4;

    private const string Uninstalled = "The Shopify app is uninstalled: price writes are stopped until it is connected again.";

    // Decisions of one product's variants tend to come together (one product update reaches them all): gather them.
    private static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(2);

    private Task? _flushing;

    private long ProductId => this.GetPrimaryKeyLong();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // What a crashed activation had accepted and not written.
        if (!state.State.Pending.IsDefaultOrEmpty)
        {
            Flush();
        }

        return base.OnActivateAsync(cancellationToken);
    }

    async Task IPriceWriterGrain.SubmitAsync(PriceToWrite price)
    {
        if (PendingPrices.Accept(state.State, price) is not { } next)
        {
            return;
        }

        state.State = next;
        await state.WriteStateAsync();
        Flush();
    }

    private void Flush()
    {
        if (_flushing is not { IsCompleted: false })
        {
            _flushing = FlushAsync();
        }
    }

    private async Task FlushAsync()
    {
        await Task.Delay(Gather, time);
        while (!state.State.Pending.IsDefaultOrEmpty)
        {
            var batch = state.State.Pending;
            if (!await GrainFactory.GetGrain<IShopGrain>(IShopGrain.Key).CanWriteAsync())
            {
                await FinishAsync([.. batch.Select(p => (p, (string?)Uninstalled))], written: false);
                continue;
            }

            PriceWriteOutcome outcome;
            try
            {
                outcome = await admin.WritePricesAsync(ProductId, batch, CancellationToken.None);
            }
            catch (Exception ex)
            {
                outcome = new PriceWriteOutcome([], ex.Message, Transient: false);
            }

            if (outcome.Failure is null && outcome.Refusals.IsDefaultOrEmpty)
            {
                await FinishAsync([.. batch.Select(p => (p, (string?)null))], written: true);
                continue;
            }

            if (outcome.Failure is null)
            {
                // Recorded, not retried; the batch's other prices go again without the refused ones.
                await FinishAsync([.. PendingPrices.Refused(batch, outcome.Refusals).Select(r => (r.Price, (string?)r.Error))], written: false);
                continue;
            }

            var failures = state.State.Failures + 1;
            if (!outcome.Transient || failures >= MaxFailures)
            {
                await FinishAsync([.. batch.Select(p => (p, (string?)outcome.Failure))], written: false);
                continue;
            }

            state.State = state.State with { Failures = failures };
            await state.WriteStateAsync();
            var delay = FirstRetry * Math.Pow(2, failures - 1);
            LogRetrying(logger, ProductId, failures, delay, outcome.Failure);
            await Task.Delay(delay, time);
        }
    }

    /// <summary>Settles prices: no longer pending, and each variant told its outcome.</summary>
    private async Task FinishAsync(ImmutableArray<(PriceToWrite Price, string? Error)> results, bool written)
    {
        state.State = PendingPrices.Done(state.State, [.. results.Select(r => r.Price)], written);
        await state.WriteStateAsync();
        var at = time.GetUtcNow();
        foreach (var (price, error) in results)
        {
            if (error is not null)
            {
                LogRefused(logger, price.VariantId, ProductId, error);
            }

            _ = GrainFactory.GetGrain<IProductVariantGrain>(price.VariantId).RecordPriceWriteAsync(new PriceWriteResult(price.Price, price.DecidedAt, at, error));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing prices of product {ProductId} failed ({Failures} in a row), retrying in {Delay}: {Failure}")]
    private static partial void LogRetrying(ILogger logger, long productId, int failures, TimeSpan delay, string failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The price of variant {VariantId} of product {ProductId} was not written: {Error}")]
    private static partial void LogRefused(ILogger logger, long variantId, long productId, string error);
}

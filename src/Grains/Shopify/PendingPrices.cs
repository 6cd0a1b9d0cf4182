namespace Retail.Grains.Shopify;

/// <summary>
/// Which decided prices a product's writer still owes Shopify: the latest per variant, never one older than what was
/// queued or written before, so a replay after a crash writes the same price again and never an older one. Pure.
/// </summary>
public static class PendingPrices
{
    /// <summary>The state with <paramref name="price"/> queued, or <c>null</c> when it is not newer than what the variant has.</summary>
    public static PriceWriterState? Accept(PriceWriterState state, PriceToWrite price)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(price);
        if (Find(state.Pending, price.VariantId) is { } pending && pending.DecidedAt >= price.DecidedAt)
        {
            return null;
        }

        if (Find(state.Written, price.VariantId) is { } written && written.DecidedAt >= price.DecidedAt)
        {
            return null;
        }

        return state with { Pending = Put(Items(state.Pending), price) };
    }

    /// <summary>The state once <paramref name="batch"/> is written: each no longer pending unless a newer price replaced it meanwhile.</summary>
    public static PriceWriterState Done(PriceWriterState state, IReadOnlyCollection<PriceToWrite> batch, bool written)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(batch);
        var pending = Items(state.Pending).RemoveAll(p => batch.Contains(p));
        var done = Items(state.Written);
        if (written)
        {
            foreach (var price in batch)
            {
                done = Put(done, price);
            }
        }

        return state with { Pending = pending, Written = done, Failures = 0 };
    }

    /// <summary>
    /// The prices of <paramref name="batch"/> that <paramref name="refusals"/> refuse, each with its reasons. Shopify
    /// writes none of a refused batch; when the refusals name their variants, only those are refused and the rest can
    /// be sent again without them; otherwise the whole batch is refused.
    /// </summary>
    public static ImmutableArray<(PriceToWrite Price, string Error)> Refused(ImmutableArray<PriceToWrite> batch, ImmutableArray<PriceRefusal> refusals)
    {
        var named = refusals.Where(r => r.VariantId is { } id && batch.Any(p => p.VariantId == id)).ToList();
        if (named.Count == 0 || named.Count < refusals.Length)
        {
            var all = string.Join("; ", refusals.Select(r => r.Error));
            return [.. batch.Select(p => (p, all))];
        }

        return [.. batch
            .Where(p => named.Any(r => r.VariantId == p.VariantId))
            .Select(p => (p, string.Join("; ", named.Where(r => r.VariantId == p.VariantId).Select(r => r.Error))))];
    }

    private static PriceToWrite? Find(ImmutableArray<PriceToWrite> prices, long variantId) =>
        Items(prices).FirstOrDefault(p => p.VariantId == variantId);

    private static ImmutableArray<PriceToWrite> Put(ImmutableArray<PriceToWrite> prices, PriceToWrite price)
    {
        var index = prices.IndexOf(prices.FirstOrDefault(p => p.VariantId == price.VariantId)!);
        return index >= 0 ? prices.SetItem(index, price) : prices.Add(price);
    }

    // An unset ImmutableArray field is default, not empty.
    private static ImmutableArray<PriceToWrite> Items(ImmutableArray<PriceToWrite> prices) => prices.IsDefault ? [] : prices;
}

using Retail.Grains.Activity;
using Retail.Grains.Forecasting;
using Retail.Grains.Pricing;

namespace Retail.Grains.Variants;

/// <summary>How each event changes a variant's state, and what the state says. Pure.</summary>
public static class VariantReducer
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private static readonly TimeSpan QuarterHour = TimeSpan.FromMinutes(15);

    /// <summary>Most price decisions kept in state.</summary>
    public const int DecisionsKept = 20;

    public static ProductVariantState Apply(ProductVariantState state, ClickstreamEvent click, DemandForecaster forecaster)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(click);
        var next = state with { Activity = state.Activity.Add(click.Activity) };
        return click.Activity switch
        {
            Activities.ContentView => next with { Views = next.Views.Add(click.Timestamp) },
            Activities.AddToCart => next with { AddToCarts = next.AddToCarts.Add(click.Timestamp) },
            Activities.Purchase => next with
            {
                Purchases = next.Purchases.Add(click.Timestamp),
                Sales = next.Sales with { Purchases = forecaster.Record(next.Sales.Purchases, 1, click.Timestamp) },
            },
            _ => next,
        };
    }

    public static ProductVariantState Apply(ProductVariantState state, VariantUpdated update, DemandForecaster forecaster)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(update);
        var known = state.Catalog ?? VariantCatalog.Empty;
        var next = state with
        {
            Catalog = new VariantCatalog(
                update.ProductId,
                update.ProductTitle ?? known.ProductTitle,
                update.VariantTitle ?? known.VariantTitle,
                update.Vendor ?? known.Vendor,
                update.Sku ?? known.Sku,
                update.Price ?? known.BasePrice,
                update.InventoryItemId ?? known.InventoryItemId),
        };
        return update.InventoryQuantity is { } quantity
            ? SetQuantity(next, quantity, update.OldInventoryQuantity, update.UpdatedAt, forecaster)
            : next;
    }

    public static ProductVariantState Apply(ProductVariantState state, VariantSold sale, DemandForecaster forecaster)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(sale);
        return state with { Sales = state.Sales with { Orders = forecaster.Record(state.Sales.Orders, sale.Quantity, sale.SoldAt) } };
    }

    /// <summary>
    /// Sets the quantity on hand as of <paramref name="asOf"/>, unless a newer quantity is known. A fall in
    /// quantity counts as sales, measured from the last known quantity, so one decrement reported by both a
    /// product update and an inventory level counts once. A restock after a stock-out leaves the days out of
    /// stock out of the sales history.
    /// </summary>
    public static ProductVariantState SetQuantity(ProductVariantState state, long quantity, long? reportedOld, DateTimeOffset asOf, DemandForecaster forecaster)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(forecaster);
        if (state.Stock is { } known && asOf < known.AsOf)
        {
            return state;
        }

        var before = state.Stock?.Quantity ?? reportedOld;
        var sales = state.Sales;
        if (before is { } old && old > quantity)
        {
            sales = sales with { InventoryDecrements = forecaster.Record(sales.InventoryDecrements, old - quantity, asOf) };
        }

        if (quantity > 0 && state.Stock?.OutSince is { } since)
        {
            sales = new SalesSignals(
                forecaster.Skip(sales.Orders, since, asOf),
                forecaster.Skip(sales.InventoryDecrements, since, asOf),
                forecaster.Skip(sales.Purchases, since, asOf));
        }

        var outSince = quantity > 0 ? (DateTimeOffset?)null : state.Stock?.OutSince ?? asOf;
        return state with { Stock = new StockLevel(quantity, before, asOf, outSince), Sales = sales };
    }

    /// <summary>
    /// A price decision, when the variant has a base price and the policy wants a change. Takes the state's
    /// forecast, which a price change does not alter, so the caller computes it once per event.
    /// </summary>
    public static PriceDecision? Decide(long variantId, ProductVariantState state, SellThroughForecast forecast, IPricingPolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(forecast);
        ArgumentNullException.ThrowIfNull(policy);
        if (state.Catalog?.BasePrice is not { } basePrice)
        {
            return null;
        }

        return policy.Decide(new PricingInput(
            variantId,
            basePrice,
            state.DynamicPrice,
            state.PriceChangedAt,
            state.Activity,
            state.Views.Count(now, Hour),
            state.AddToCarts.Count(now, Hour),
            state.Purchases.Count(now, Hour),
            forecast.DaysOfInventory,
            now));
    }

    public static ProductVariantState Record(ProductVariantState state, PriceDecision decision)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(decision);
        var decisions = state.RecentDecisions.Insert(0, decision);
        // The newest decision is the current price.
        return state with
        {
            RecentDecisions = decisions.Count > DecisionsKept ? decisions.RemoveRange(DecisionsKept, decisions.Count - DecisionsKept) : decisions,
        };
    }

    public static SellThroughForecast Forecast(long variantId, ProductVariantState state, DateTimeOffset now, DemandForecaster forecaster)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(forecaster);
        // Out of stock, demand is what it was when the last unit went.
        var demandAsOf = state.Stock?.OutSince is { } since && since < now ? since : now;
        return SellThrough.Forecast(variantId, state.Stock?.Quantity, forecaster.Outlook(state.Sales, demandAsOf), now);
    }

    public static VariantSnapshot Snapshot(long variantId, ProductVariantState state, DateTimeOffset now, DemandForecaster forecaster)
    {
        ArgumentNullException.ThrowIfNull(state);
        var forecast = Forecast(variantId, state, now, forecaster);
        return new VariantSnapshot(
            variantId,
            state.Catalog?.ProductId,
            state.Catalog?.ProductTitle,
            state.Catalog?.VariantTitle,
            state.Catalog?.Vendor,
            state.Catalog?.Sku,
            state.Catalog?.BasePrice,
            state.DynamicPrice,
            state.Stock?.Quantity,
            state.Catalog?.InventoryItemId,
            state.Activity,
            new RecentViews(state.Views.Count(now, QuarterHour), state.Views.Count(now, Hour)),
            Math.Round(forecast.VelocityPerDay, 3),
            forecast.DaysOfInventory is { } days ? Math.Round(days, 2) : null,
            forecast.SellThroughDate,
            state.UpdatedAt ?? now,
            forecast.SellThrough with { DaysOfInventoryP50 = forecast.DaysOfInventory is { } p50 ? Math.Round(p50, 2) : null });
    }

    public static VariantSummary Summary(long variantId, ProductVariantState state, SellThroughForecast forecast, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(forecast);
        return new VariantSummary(
            variantId,
            state.Catalog,
            state.Stock?.Quantity,
            forecast.Demand,
            forecast.SellThrough,
            state.Views,
            now,
            state.RecentDecisions.IsEmpty ? null : state.RecentDecisions[0]);
    }
}

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

    public static ProductVariantState Apply(ProductVariantState state, ClickstreamEvent click, DemandForecaster forecaster) =>
        Apply(state, [click], forecaster);

    /// <summary>
    /// Applies clickstream events in order. The counts and windows are made once for all of them: a busy variant gets
    /// many per delivery, and a new state per event was most of what a delivery allocated.
    /// </summary>
    public static ProductVariantState Apply(ProductVariantState state, IReadOnlyList<ClickstreamEvent> clicks, DemandForecaster forecaster)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(clicks);
        ArgumentNullException.ThrowIfNull(forecaster);
        var activity = state.Activity;
        var purchases = state.Sales.Purchases;
        long views = 0, carts = 0, bought = 0;
        // Indexed here and below, not foreach: an interface's enumerator is one more object per delivery.
        for (var i = 0; i < clicks.Count; i++)
        {
            var click = clicks[i];
            switch (click.Activity)
            {
                case Activities.ContentView:
                    views++;
                    break;
                case Activities.AddToCart:
                    carts++;
                    break;
                case Activities.Purchase:
                    bought++;
                    purchases = forecaster.Record(purchases, 1, click.Timestamp);
                    break;
                default:
                    activity = activity.Add(click.Activity);
                    break;
            }
        }

        Span<DateTimeOffset> buffer = clicks.Count <= 64 ? stackalloc DateTimeOffset[clicks.Count] : new DateTimeOffset[clicks.Count];
        return state with
        {
            Activity = views + carts + bought == 0 ? activity : activity with
            {
                ContentView = activity.ContentView + views,
                AddToCart = activity.AddToCart + carts,
                Purchase = activity.Purchase + bought,
            },
            Views = views == 0 ? state.Views : state.Views.AddAll(TimesOf(clicks, Activities.ContentView, buffer)),
            AddToCarts = carts == 0 ? state.AddToCarts : state.AddToCarts.AddAll(TimesOf(clicks, Activities.AddToCart, buffer)),
            Purchases = bought == 0 ? state.Purchases : state.Purchases.AddAll(TimesOf(clicks, Activities.Purchase, buffer)),
            Sales = bought == 0 ? state.Sales : state.Sales with { Purchases = purchases },
        };
    }

    private static ReadOnlySpan<DateTimeOffset> TimesOf(IReadOnlyList<ClickstreamEvent> clicks, string activity, Span<DateTimeOffset> buffer)
    {
        var count = 0;
        for (var i = 0; i < clicks.Count; i++)
        {
            if (clicks[i].Activity == activity)
            {
                buffer[count++] = clicks[i].Timestamp;
            }
        }

        return buffer[..count];
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
                // A price this product wrote comes back in the next products/update: it is not a new base price, or the
                // dynamic price would compound on itself.
                update.Price is { } price && price != state.Write?.AppliedPrice ? price : known.BasePrice ?? update.Price,
                update.InventoryItemId ?? known.InventoryItemId),
        };
        return update.InventoryQuantity is { } quantity
            ? SetQuantity(next, quantity, update.OldInventoryQuantity, update.UpdatedAt, forecaster)
            : next;
    }

    /// <summary>Most orders a variant remembers, to count a re-sent order once and to take back cancellations and refunds.</summary>
    public const int OrdersKept = 200;

    /// <summary>
    /// An order's units of the variant, less any refunded before it arrived; an order already counted, or cancelled,
    /// counts nothing.
    /// </summary>
    public static ProductVariantState Apply(ProductVariantState state, VariantSold sale, DemandForecaster forecaster)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(sale);
        var orders = OrEmpty(state.Orders);
        var index = IndexOfOrder(orders, sale.OrderId);
        var known = index >= 0 ? orders[index] : null;
        if (known is { Ordered: true })
        {
            return state;
        }

        var units = known is { Cancelled: true } ? 0 : Math.Max(0, sale.Quantity - (known?.Refunded ?? 0));
        var order = new OrderCount(sale.OrderId, units, sale.SoldAt, known?.Cancelled ?? false, known?.Refunds ?? [], Ordered: true, known?.Refunded ?? 0);
        return state with
        {
            Sales = state.Sales with { Orders = forecaster.Record(state.Sales.Orders, units, sale.SoldAt) },
            Orders = index >= 0 ? orders.SetItem(index, order) : Remember(orders, order),
        };
    }

    /// <summary>Takes back what a cancelled order counted, once; a cancelled order that arrives later counts nothing.</summary>
    public static ProductVariantState Apply(ProductVariantState state, OrderCancelled cancel)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(cancel);
        var orders = OrEmpty(state.Orders);
        var index = IndexOfOrder(orders, cancel.OrderId);
        if (index < 0)
        {
            return state with { Orders = Remember(orders, new OrderCount(cancel.OrderId, 0, cancel.CancelledAt, Cancelled: true, Refunds: [], Ordered: false, Refunded: 0)) };
        }

        var order = orders[index];
        if (order.Cancelled)
        {
            return state;
        }

        return state with
        {
            Sales = state.Sales with { Orders = DemandForecaster.Remove(state.Sales.Orders, order.Units, order.SoldAt) },
            Orders = orders.SetItem(index, order with { Units = 0, Cancelled = true }),
        };
    }

    /// <summary>
    /// Takes back a refund's units from its order, once per refund and never more than the order counted, and puts
    /// restocked units back on hand.
    /// </summary>
    public static ProductVariantState Apply(ProductVariantState state, VariantRefunded refund)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(refund);
        var orders = OrEmpty(state.Orders);
        var index = IndexOfOrder(orders, refund.OrderId);
        var order = index >= 0 ? orders[index] : new OrderCount(refund.OrderId, 0, refund.RefundedAt, Cancelled: false, Refunds: [], Ordered: false, Refunded: 0);
        if (!order.Refunds.IsDefault && order.Refunds.Contains(refund.RefundId))
        {
            return state;
        }

        var taken = Math.Min(order.Units, refund.Quantity);
        var counted = order with { Units = order.Units - taken, Refunds = OrEmpty(order.Refunds).Add(refund.RefundId), Refunded = order.Refunded + refund.Quantity };
        var next = state with
        {
            Sales = state.Sales with { Orders = DemandForecaster.Remove(state.Sales.Orders, taken, order.SoldAt) },
            Orders = index >= 0 ? orders.SetItem(index, counted) : Remember(orders, counted),
        };

        // Restocked units are back on hand; a newer quantity from Shopify wins over this one.
        return refund.Restocked > 0 && next.Stock is { } stock && refund.RefundedAt >= stock.AsOf
            ? next with { Stock = new StockLevel(stock.Quantity + refund.Restocked, stock.Quantity, refund.RefundedAt) }
            : next;
    }

    /// <summary>The variant's product was deleted.</summary>
    public static ProductVariantState Delete(ProductVariantState state, DateTimeOffset deletedAt)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.DeletedAt is null ? state with { DeletedAt = deletedAt } : state;
    }

    /// <summary>Keeps <paramref name="decision"/> for an operator's approval, in place of any older suggestion.</summary>
    public static ProductVariantState Suggest(ProductVariantState state, PriceDecision decision)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(decision);
        return state with { Write = (state.Write ?? PriceWrite.None) with { Suggestion = decision } };
    }

    /// <summary>
    /// The latest decision when it is still owed to Shopify: no write of it (or of a later one) has settled, the
    /// variant exists, and its price is not the one Shopify already has. Asked again after every change, so a price
    /// accepted by a writer that died before writing it is handed over again; the writer ignores what it already has.
    /// </summary>
    public static PriceDecision? Unwritten(ProductVariantState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.RecentDecisions.IsEmpty || state.DeletedAt is not null)
        {
            return null;
        }

        var latest = state.RecentDecisions[0];
        var write = state.Write ?? PriceWrite.None;
        return latest.DecidedAt > (write.SettledDecidedAt ?? DateTimeOffset.MinValue)
            && latest.NewPrice != (write.AppliedPrice ?? state.Catalog?.BasePrice)
            ? latest
            : null;
    }

    /// <summary>Drops the waiting suggestion.</summary>
    public static ProductVariantState ClearSuggestion(ProductVariantState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Write is { Suggestion: not null } write ? state with { Write = write with { Suggestion = null } } : state;
    }

    /// <summary>Records a write's outcome: a written price becomes the applied price; a failure is the last error.</summary>
    public static ProductVariantState RecordWrite(ProductVariantState state, PriceWriteResult result)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(result);
        var write = state.Write ?? PriceWrite.None;
        var settled = write.SettledDecidedAt is { } known && known > result.DecidedAt ? known : result.DecidedAt;
        return state with
        {
            Write = result.Error is null
                ? write with { AppliedPrice = result.Price, AppliedAt = result.At, LastError = null, SettledDecidedAt = settled }
                : write with { LastError = result.Error, SettledDecidedAt = settled },
        };
    }

    private static ImmutableArray<OrderCount> Remember(ImmutableArray<OrderCount> orders, OrderCount order)
    {
        var next = orders.Add(order);
        return next.Length > OrdersKept ? next.RemoveRange(0, next.Length - OrdersKept) : next;
    }

    private static int IndexOfOrder(ImmutableArray<OrderCount> orders, long orderId)
    {
        for (var i = 0; i < orders.Length; i++)
        {
            if (orders[i].OrderId == orderId)
            {
                return i;
            }
        }

        return -1;
    }

    // An unset ImmutableArray field is default, not empty.
    private static ImmutableArray<T> OrEmpty<T>(ImmutableArray<T> items) => items.IsDefault ? [] : items;

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
            forecast.SellThrough with { DaysOfInventoryP50 = forecast.DaysOfInventory is { } p50 ? Math.Round(p50, 2) : null },
            state.Write?.AppliedPrice,
            state.Write?.AppliedAt,
            state.Write?.LastError,
            state.Write?.Suggestion,
            state.DeletedAt);
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
            state.RecentDecisions.IsEmpty ? null : state.RecentDecisions[0],
            state.Write?.Suggestion,
            state.DeletedAt is not null);
    }
}

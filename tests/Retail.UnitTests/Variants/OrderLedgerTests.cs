using Retail.Grains.Abstractions.Events;
using Retail.Grains.Abstractions.Variants;
using Retail.Grains.Forecasting;
using Retail.Grains.Variants;

namespace Retail.UnitTests.Variants;

/// <summary>Orders count once per order id; cancellations and refunds take back what they name, once.</summary>
public class OrderLedgerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
    private static readonly DemandForecaster Forecaster = new(new ForecastingOptions());

    private static ProductVariantState Stocked(long quantity = 100) =>
        VariantReducer.Apply(new ProductVariantState(), new VariantUpdated(5, 50, "Shirt", "S", "Acme", "shirt-s", 10m, quantity, quantity, 500, Start), Forecaster);

    private static VariantSold Sale(long orderId, long units) => new(5, orderId, units, Start);

    [Fact]
    public void An_order_sent_again_under_another_event_counts_once()
    {
        var once = VariantReducer.Apply(Stocked(), Sale(1001, 3), Forecaster);

        var twice = VariantReducer.Apply(once, Sale(1001, 3), Forecaster);

        Assert.Equal(3, twice.Sales.Orders.OpenUnits, precision: 9);
        Assert.Equal((1001L, 3L, true), (twice.Orders.Single().OrderId, twice.Orders.Single().Units, twice.Orders.Single().Ordered));
    }

    [Fact]
    public void A_cancellation_takes_back_its_order_once_and_a_late_copy_of_the_order_counts_nothing()
    {
        var state = VariantReducer.Apply(Stocked(), Sale(1001, 3), Forecaster);
        state = VariantReducer.Apply(state, Sale(1002, 2), Forecaster);

        state = VariantReducer.Apply(state, new OrderCancelled(5, 1001, Start.AddHours(1)));
        state = VariantReducer.Apply(state, new OrderCancelled(5, 1001, Start.AddHours(1)));
        state = VariantReducer.Apply(state, Sale(1001, 3), Forecaster);

        Assert.Equal(2, state.Sales.Orders.OpenUnits, precision: 9);
        Assert.Equal((0L, true), (state.Orders[0].Units, state.Orders[0].Cancelled));
    }

    [Fact]
    public void A_refund_takes_back_its_units_once_and_puts_restocked_ones_back_on_hand()
    {
        var state = VariantReducer.Apply(Stocked(100), Sale(1001, 3), Forecaster);
        var refund = new VariantRefunded(5, 1001, 77, 2, 1, Start.AddHours(2));

        state = VariantReducer.Apply(state, refund);
        state = VariantReducer.Apply(state, refund);

        Assert.Equal(1, state.Sales.Orders.OpenUnits, precision: 9);
        Assert.Equal(1, state.Orders.Single().Units);
        Assert.Equal([77L], state.Orders.Single().Refunds.ToArray());
        Assert.Equal(new StockLevel(101, 100, Start.AddHours(2)), state.Stock);
    }

    [Fact]
    public void A_refund_never_takes_back_more_than_its_order_counted_and_a_cancellation_after_it_takes_the_rest()
    {
        var state = VariantReducer.Apply(Stocked(), Sale(1001, 3), Forecaster);

        state = VariantReducer.Apply(state, new VariantRefunded(5, 1001, 77, 5, 0, Start.AddHours(1)));
        state = VariantReducer.Apply(state, new OrderCancelled(5, 1001, Start.AddHours(2)));

        Assert.Equal(0, state.Sales.Orders.OpenUnits, precision: 9);
        Assert.Equal(100, state.Stock!.Quantity);
    }

    [Fact]
    public void A_refund_that_arrives_before_its_order_leaves_the_order_counting_only_the_rest()
    {
        var state = VariantReducer.Apply(Stocked(), new VariantRefunded(5, 1001, 77, 1, 0, Start.AddHours(1)));

        state = VariantReducer.Apply(state, Sale(1001, 3), Forecaster);
        state = VariantReducer.Apply(state, Sale(1001, 3), Forecaster);

        Assert.Equal(2, state.Sales.Orders.OpenUnits, precision: 9);
        Assert.Equal((2L, 1L), (state.Orders.Single().Units, state.Orders.Single().Refunded));
    }

    [Fact]
    public void A_cancelled_first_order_leaves_no_demand_and_one_from_a_day_already_folded_keeps_its_day()
    {
        var cancelled = VariantReducer.Apply(VariantReducer.Apply(Stocked(), Sale(1001, 3), Forecaster), new OrderCancelled(5, 1001, Start.AddHours(1)));
        Assert.Equal(DemandHistory.None, cancelled.Sales.Orders);

        var state = VariantReducer.Apply(Stocked(), Sale(1001, 3), Forecaster);
        state = VariantReducer.Apply(state, new VariantSold(5, 1002, 1, Start.AddDays(2)), Forecaster);
        var folded = state.Sales.Orders;

        state = VariantReducer.Apply(state, new OrderCancelled(5, 1001, Start.AddDays(2)));

        // The order no longer counts in the ledger; its day is already part of the smoothed history.
        Assert.Equal(folded, state.Sales.Orders);
        Assert.Equal((0L, true), (state.Orders[0].Units, state.Orders[0].Cancelled));
    }

    [Fact]
    public void Only_the_most_recent_orders_are_remembered()
    {
        var state = Stocked();
        for (var order = 1; order <= VariantReducer.OrdersKept + 5; order++)
        {
            state = VariantReducer.Apply(state, Sale(order, 1), Forecaster);
        }

        Assert.Equal(VariantReducer.OrdersKept, state.Orders.Length);
        Assert.Equal(6, state.Orders[0].OrderId);
    }

    [Fact]
    public void A_price_this_variant_wrote_to_shopify_coming_back_in_a_product_update_is_not_a_new_base_price()
    {
        var state = VariantReducer.RecordWrite(Stocked(), new PriceWriteResult(10.50m, Start, Start.AddMinutes(1), null));

        var echoed = VariantReducer.Apply(state, new VariantUpdated(5, 50, null, null, null, null, 10.50m, null, null, null, Start.AddMinutes(2)), Forecaster);
        var merchant = VariantReducer.Apply(state, new VariantUpdated(5, 50, null, null, null, null, 12m, null, null, null, Start.AddMinutes(2)), Forecaster);

        Assert.Equal(10m, echoed.Catalog!.BasePrice);
        Assert.Equal(12m, merchant.Catalog!.BasePrice);
        Assert.Equal((10.50m, Start.AddMinutes(1), (string?)null), (state.Write!.AppliedPrice, state.Write.AppliedAt, state.Write.LastError));
    }

    [Fact]
    public void A_failed_write_keeps_the_applied_price_and_records_the_error()
    {
        var state = VariantReducer.RecordWrite(Stocked(), new PriceWriteResult(10.50m, Start, Start.AddMinutes(1), null));

        state = VariantReducer.RecordWrite(state, new PriceWriteResult(11m, Start.AddMinutes(2), Start.AddMinutes(3), "INVALID_INPUT: bad"));

        var snapshot = VariantReducer.Snapshot(5, state, Start.AddMinutes(4), Forecaster);
        Assert.Equal((10.50m, Start.AddMinutes(1), "INVALID_INPUT: bad"), (snapshot.AppliedPrice, snapshot.AppliedAt, snapshot.LastWriteError));
    }

    [Fact]
    public void A_deleted_variant_says_so_in_its_snapshot_and_summary()
    {
        var state = VariantReducer.Delete(Stocked(), Start.AddDays(1));
        state = VariantReducer.Delete(state, Start.AddDays(2));

        var forecast = VariantReducer.Forecast(5, state, Start.AddDays(3), Forecaster);
        Assert.Equal(Start.AddDays(1), VariantReducer.Snapshot(5, state, Start.AddDays(3), Forecaster).DeletedAt);
        Assert.True(VariantReducer.Summary(5, state, forecast, Start.AddDays(3)).Deleted);
    }
}

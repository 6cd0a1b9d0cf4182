using Retail.Grains.Abstractions.Events;
using Retail.Grains.Abstractions.Variants;
using Retail.Grains.Activity;
using Retail.Grains.Forecasting;
using Retail.Grains.Variants;

namespace Retail.UnitTests.Variants;

public class VariantReducerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
    private static readonly DemandForecaster Forecaster = new(new ForecastingOptions());

    private static VariantUpdated Update(long quantity, long? old, DateTimeOffset at, decimal price = 10m) =>
        new(5, 50, "Shirt", "S", "Acme", "shirt-s", price, quantity, old, 500, at);

    [Fact]
    public void A_product_update_sets_the_shopify_facts()
    {
        var state = VariantReducer.Apply(new ProductVariantState(), Update(75, 75, Start, 19.99m), Forecaster);

        Assert.Equal(new VariantCatalog(50, "Shirt", "S", "Acme", "shirt-s", 19.99m, 500), state.Catalog);
        Assert.Equal(new StockLevel(75, 75, Start), state.Stock);
        Assert.Equal(SalesSignals.None, state.Sales);
    }

    [Fact]
    public void A_decrement_reported_by_an_update_and_again_by_an_inventory_level_counts_once()
    {
        var state = VariantReducer.Apply(new ProductVariantState(), Update(100, 100, Start), Forecaster);
        state = VariantReducer.Apply(state, Update(90, 100, Start.AddHours(1)), Forecaster);
        var once = state.Sales.InventoryDecrements;

        state = VariantReducer.SetQuantity(state, 90, null, Start.AddHours(1).AddMinutes(1), Forecaster);

        Assert.Equal(once, state.Sales.InventoryDecrements);
        Assert.Equal(10, once.OpenUnits);
    }

    [Fact]
    public void A_stock_out_holds_demand_where_it_was_and_the_days_out_are_left_out_once_restocked()
    {
        var state = VariantReducer.Apply(new ProductVariantState(), Update(100, 100, Start), Forecaster);
        for (var day = 1; day <= 30; day++)
        {
            state = VariantReducer.Apply(state, Update(100 - (3 * day), null, Start.AddDays(day)), Forecaster);
        }

        var selling = VariantReducer.Forecast(5, state, Start.AddDays(31), Forecaster);
        state = VariantReducer.Apply(state, Update(0, null, Start.AddDays(31)), Forecaster);
        Assert.Equal(Start.AddDays(31), state.Stock!.OutSince);
        // Twenty days later, still out: sold out today, with the demand it had when the last units went.
        var soldOut = VariantReducer.Forecast(5, state, Start.AddDays(51), Forecaster);
        Assert.Equal(0, soldOut.DaysOfInventory);
        Assert.InRange(soldOut.VelocityPerDay / selling.VelocityPerDay, 0.9, 1.2);

        state = VariantReducer.SetQuantity(state, 50, null, Start.AddDays(51), Forecaster);

        Assert.Null(state.Stock!.OutSince);
        Assert.Equal(DateOnly.FromDateTime(Start.AddDays(51).UtcDateTime), state.Sales.InventoryDecrements.OpenDay);
        Assert.InRange(VariantReducer.Forecast(5, state, Start.AddDays(51), Forecaster).VelocityPerDay / selling.VelocityPerDay, 0.9, 1.2);
    }

    [Fact]
    public void An_older_quantity_does_not_overwrite_a_newer_one()
    {
        var state = VariantReducer.Apply(new ProductVariantState(), Update(40, 50, Start.AddHours(2)), Forecaster);

        state = VariantReducer.SetQuantity(state, 45, null, Start.AddHours(1), Forecaster);

        Assert.Equal(40, state.Stock?.Quantity);
    }

    [Fact]
    public void An_order_gives_velocity_and_with_stock_a_sell_through_date()
    {
        var state = VariantReducer.Apply(new ProductVariantState(), Update(48, 48, Start), Forecaster);
        state = VariantReducer.Apply(state, new VariantSold(5, 1, 2, Start), Forecaster);

        var now = Start.AddHours(1);
        var forecast = VariantReducer.Forecast(5, state, now, Forecaster);

        var demand = Forecaster.Outlook(state.Sales.Orders, now);
        Assert.Equal(demand, forecast.Demand);
        Assert.Equal(demand.PerDay, forecast.VelocityPerDay);
        Assert.Equal(demand.DaysUntilSold(48, 0.5), forecast.DaysOfInventory);
        var range = forecast.SellThrough;
        Assert.Equal(DateOnly.FromDateTime(now.AddDays(forecast.DaysOfInventory!.Value).UtcDateTime), forecast.SellThroughDate);
        Assert.Equal((forecast.SellThroughDate, forecast.DaysOfInventory), (range.P50Date, range.DaysOfInventoryP50));
        Assert.True(range.P10Date < range.P50Date && range.P50Date < range.P90Date, $"{range}");
    }

    [Fact]
    public void Clickstream_counts_activity_and_purchases_are_a_sales_signal()
    {
        var state = new ProductVariantState();
        foreach (var activity in new[] { "contentView", "contentView", "addToCart", "purchase", "share" })
        {
            state = VariantReducer.Apply(state, new ClickstreamEvent(5, activity, null, Start), Forecaster);
        }

        Assert.Equal((2L, 1L, 1L, 1L), (state.Activity.ContentView, state.Activity.AddToCart, state.Activity.Purchase, state.Activity.Other["share"]));
        Assert.Equal(2, state.Views.Count(Start, TimeSpan.FromMinutes(15)));
        Assert.Equal(1, state.Sales.Purchases.OpenUnits);
        Assert.True(Forecaster.Outlook(state.Sales, Start).PerDay > 0);
    }

    [Fact]
    public void A_run_of_clickstream_events_applied_at_once_leaves_the_state_of_applying_them_one_at_a_time()
    {
        var random = new Random(7);
        string[] activities = ["contentView", "contentView", "addToCart", "purchase", "share"];
        var sequential = new ProductVariantState();
        var batched = new ProductVariantState();
        for (var run = 0; run < 30; run++)
        {
            var clicks = Enumerable.Range(0, random.Next(1, 80))
                .Select(_ => new ClickstreamEvent(5, activities[random.Next(activities.Length)], null, Start.AddMinutes((run * 7) + random.Next(-70, 10))))
                .ToList();
            foreach (var click in clicks)
            {
                sequential = VariantReducer.Apply(sequential, click, Forecaster);
            }

            batched = VariantReducer.Apply(batched, clicks, Forecaster);
        }

        Assert.Equal(sequential.Activity.Total, batched.Activity.Total);
        Assert.Equal((sequential.Activity with { Other = batched.Activity.Other }), batched.Activity);
        Assert.Equal(sequential.Activity.Other, batched.Activity.Other);
        foreach (var (a, b) in new[] { (sequential.Views, batched.Views), (sequential.AddToCarts, batched.AddToCarts), (sequential.Purchases, batched.Purchases) })
        {
            Assert.Equal(a.HeadMinute, b.HeadMinute);
            Assert.Equal(a.Counts.ToArray(), b.Counts.ToArray());
        }

        Assert.Equal(sequential.Sales, batched.Sales);
    }

    [Fact]
    public void Keeps_the_newest_twenty_price_decisions()
    {
        var state = new ProductVariantState();
        for (var i = 1; i <= 25; i++)
        {
            state = VariantReducer.Record(state, new PriceDecision(5, 10m, null, i, "seed", "test", Start.AddMinutes(i)));
        }

        Assert.Equal(20, state.RecentDecisions.Count);
        Assert.Equal(25m, state.RecentDecisions[0].NewPrice);
        Assert.Equal(25m, state.DynamicPrice);
    }
}

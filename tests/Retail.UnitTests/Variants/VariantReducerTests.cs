using Retail.Grains.Abstractions.Events;
using Retail.Grains.Abstractions.Variants;
using Retail.Grains.Activity;
using Retail.Grains.Forecasting;
using Retail.Grains.Variants;

namespace Retail.UnitTests.Variants;

public class VariantReducerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
    private static readonly ForecastingOptions Options = new();

    private static VariantUpdated Update(long quantity, long? old, DateTimeOffset at, decimal price = 10m) =>
        new(5, 50, "Shirt", "S", "Acme", "shirt-s", price, quantity, old, 500, at);

    [Fact]
    public void A_product_update_sets_the_shopify_facts()
    {
        var state = VariantReducer.Apply(new ProductVariantState(), Update(75, 75, Start, 19.99m), Options);

        Assert.Equal(new VariantCatalog(50, "Shirt", "S", "Acme", "shirt-s", 19.99m, 500), state.Catalog);
        Assert.Equal(new StockLevel(75, 75, Start), state.Stock);
        Assert.Equal(0, state.Sales.PerDay(Start, Options));
    }

    [Fact]
    public void A_decrement_reported_by_an_update_and_again_by_an_inventory_level_counts_once()
    {
        var state = VariantReducer.Apply(new ProductVariantState(), Update(100, 100, Start), Options);
        state = VariantReducer.Apply(state, Update(90, 100, Start.AddHours(1)), Options);
        var once = state.Sales.InventoryDecrements;

        state = VariantReducer.SetQuantity(state, 90, null, Start.AddHours(1).AddMinutes(1), Options);

        Assert.Equal(once, state.Sales.InventoryDecrements);
        Assert.Equal(10, once.DecayedUnits, precision: 9);
    }

    [Fact]
    public void An_older_quantity_does_not_overwrite_a_newer_one()
    {
        var state = VariantReducer.Apply(new ProductVariantState(), Update(40, 50, Start.AddHours(2)), Options);

        state = VariantReducer.SetQuantity(state, 45, null, Start.AddHours(1), Options);

        Assert.Equal(40, state.Stock?.Quantity);
    }

    [Fact]
    public void An_order_gives_velocity_and_with_stock_a_sell_through_date()
    {
        var state = VariantReducer.Apply(new ProductVariantState(), Update(48, 48, Start), Options);
        state = VariantReducer.Apply(state, new VariantSold(5, 1, 2, Start), Options);

        var forecast = VariantReducer.Forecast(5, state, Start.AddHours(1), Options);

        // Two units in the first hour is about 48 a day, so 48 on hand last about a day.
        Assert.InRange(forecast.VelocityPerDay, 47, 49);
        Assert.InRange(forecast.DaysOfInventory!.Value, 0.98, 1.02);
        Assert.Equal(new DateOnly(2026, 11, 25), forecast.SellThroughDate);
    }

    [Fact]
    public void Clickstream_counts_activity_and_purchases_are_a_sales_signal()
    {
        var state = new ProductVariantState();
        foreach (var activity in new[] { "contentView", "contentView", "addToCart", "purchase", "share" })
        {
            state = VariantReducer.Apply(state, new ClickstreamEvent(5, activity, null, Start), Options);
        }

        Assert.Equal((2L, 1L, 1L, 1L), (state.Activity.ContentView, state.Activity.AddToCart, state.Activity.Purchase, state.Activity.Other["share"]));
        Assert.Equal(2, state.Views.Count(Start, TimeSpan.FromMinutes(15)));
        Assert.True(state.Sales.PerDay(Start, Options) > 0);
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

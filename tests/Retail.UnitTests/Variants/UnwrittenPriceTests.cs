using Retail.Grains.Abstractions.Events;
using Retail.Grains.Abstractions.Variants;
using Retail.Grains.Forecasting;
using Retail.Grains.Variants;

namespace Retail.UnitTests.Variants;

/// <summary>Which decided price a variant still owes Shopify under <c>Pricing:Apply=auto</c>.</summary>
public class UnwrittenPriceTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private static ProductVariantState Decided(decimal price, DateTimeOffset at)
    {
        var state = VariantReducer.Apply(new ProductVariantState(), new VariantUpdated(5, 50, "Shirt", "S", "Acme", "shirt-s", 10m, 20, 20, 500, Start), new DemandForecaster(new ForecastingOptions()));
        return VariantReducer.Record(state, new PriceDecision(5, 10m, null, price, "seed", "test", at));
    }

    [Fact]
    public void A_new_price_is_owed_until_its_write_settles_and_then_not_again()
    {
        var state = Decided(10.10m, Start);
        Assert.Equal(10.10m, VariantReducer.Unwritten(state)?.NewPrice);

        var written = VariantReducer.RecordWrite(state, new PriceWriteResult(10.10m, Start, Start.AddSeconds(1), null));
        var refused = VariantReducer.RecordWrite(state, new PriceWriteResult(10.10m, Start, Start.AddSeconds(1), "INVALID_INPUT: no"));

        Assert.Null(VariantReducer.Unwritten(written));
        // A refusal is recorded, not retried blindly.
        Assert.Null(VariantReducer.Unwritten(refused));
    }

    [Fact]
    public void A_decision_after_a_refused_one_is_owed_and_a_late_outcome_of_an_older_write_does_not_settle_it()
    {
        var state = VariantReducer.RecordWrite(Decided(10.10m, Start), new PriceWriteResult(10.10m, Start, Start.AddSeconds(1), "INVALID_INPUT: no"));
        state = VariantReducer.Record(state, new PriceDecision(5, 10m, 10.10m, 10.20m, "seed", "test", Start.AddMinutes(1)));
        state = VariantReducer.RecordWrite(state, new PriceWriteResult(10.05m, Start.AddSeconds(30), Start.AddMinutes(2), null));

        Assert.Equal(10.20m, VariantReducer.Unwritten(state)?.NewPrice);
    }

    [Fact]
    public void Nothing_is_owed_for_the_price_shopify_has_or_for_a_deleted_variant()
    {
        Assert.Null(VariantReducer.Unwritten(Decided(10m, Start)));
        Assert.Null(VariantReducer.Unwritten(VariantReducer.Delete(Decided(10.10m, Start), Start.AddHours(1))));
        Assert.Null(VariantReducer.Unwritten(new ProductVariantState()));
    }
}

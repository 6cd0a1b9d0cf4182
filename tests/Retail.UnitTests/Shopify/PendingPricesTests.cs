using System.Collections.Immutable;
using Retail.Grains.Abstractions.Shopify;
using Retail.Grains.Shopify;

namespace Retail.UnitTests.Shopify;

public class PendingPricesTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_newer_decision_replaces_an_unwritten_older_one_and_an_older_one_is_ignored()
    {
        var state = PendingPrices.Accept(new PriceWriterState(), new PriceToWrite(1, 10m, Start))!;
        state = PendingPrices.Accept(state, new PriceToWrite(2, 20m, Start))!;

        state = PendingPrices.Accept(state, new PriceToWrite(1, 11m, Start.AddMinutes(1)))!;

        Assert.Null(PendingPrices.Accept(state, new PriceToWrite(1, 9m, Start)));
        Assert.Equal([new PriceToWrite(1, 11m, Start.AddMinutes(1)), new PriceToWrite(2, 20m, Start)], state.Pending.ToArray());
    }

    [Fact]
    public void A_replayed_decision_no_newer_than_the_written_one_is_never_written_again()
    {
        var written = new PriceToWrite(1, 11m, Start.AddMinutes(1));
        var state = PendingPrices.Accept(new PriceWriterState(), written)!;

        state = PendingPrices.Done(state, [written], written: true);

        Assert.Empty(state.Pending);
        Assert.Null(PendingPrices.Accept(state, written));
        Assert.Null(PendingPrices.Accept(state, new PriceToWrite(1, 10m, Start)));
        Assert.NotNull(PendingPrices.Accept(state, new PriceToWrite(1, 12m, Start.AddMinutes(2))));
    }

    [Fact]
    public void A_price_replaced_while_its_batch_was_in_flight_stays_pending()
    {
        var first = new PriceToWrite(1, 11m, Start);
        var state = PendingPrices.Accept(new PriceWriterState { Failures = 2 }, first)!;
        var newer = new PriceToWrite(1, 12m, Start.AddMinutes(1));
        state = PendingPrices.Accept(state, newer)!;

        state = PendingPrices.Done(state, [first], written: true);

        Assert.Equal([newer], state.Pending.ToArray());
        Assert.Equal([first], state.Written.ToArray());
        Assert.Equal(0, state.Failures);
    }

    [Fact]
    public void A_refused_batch_is_dropped_without_counting_as_written()
    {
        var price = new PriceToWrite(1, 11m, Start);
        var state = PendingPrices.Accept(new PriceWriterState(), price)!;

        state = PendingPrices.Done(state, [price], written: false);

        Assert.Empty(state.Pending);
        Assert.Empty(state.Written);
    }

    [Fact]
    public void Refusals_that_name_their_variants_refuse_only_those_and_others_refuse_the_whole_batch()
    {
        ImmutableArray<PriceToWrite> batch = [new(1, 10m, Start), new(2, 20m, Start), new(3, 30m, Start)];

        var named = PendingPrices.Refused(batch, [new PriceRefusal(2, "too low"), new PriceRefusal(2, "odd")]);
        var general = PendingPrices.Refused(batch, [new PriceRefusal(2, "too low"), new PriceRefusal(null, "product locked")]);
        var stranger = PendingPrices.Refused(batch, [new PriceRefusal(9, "unknown variant")]);

        Assert.Equal([(batch[1], "too low; odd")], named.ToArray());
        Assert.Equal(batch.Select(p => (p, "too low; product locked")), general.ToArray());
        Assert.Equal(batch.Select(p => (p, "unknown variant")), stranger.ToArray());
    }
}

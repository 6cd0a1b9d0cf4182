using Microsoft.Extensions.Time.Testing;
using Streaming.Kafka.ExactlyOnce;

namespace Streaming.Kafka.Tests.ExactlyOnce;

public sealed class AskPaceTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Asks_come_at_an_even_pace_over_the_spread_the_first_at_once()
    {
        var time = new FakeTimeProvider();
        var pace = new AskPace(TimeSpan.FromSeconds(4), asks: 4, time);

        Assert.True(pace.NextAsync(CancellationToken.None).IsCompletedSuccessfully);
        var second = pace.NextAsync(CancellationToken.None);
        var third = pace.NextAsync(CancellationToken.None);

        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await second.WaitAsync(Patience);
        Assert.False(third.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        await third.WaitAsync(Patience);
    }

    [Fact]
    public void A_turn_already_past_is_not_waited_for()
    {
        var time = new FakeTimeProvider();
        var pace = new AskPace(TimeSpan.FromSeconds(4), asks: 4, time);

        // The asks themselves took longer than the pace: nothing is left to wait.
        time.Advance(TimeSpan.FromSeconds(5));

        Assert.All(Enumerable.Range(0, 4).Select(_ => pace.NextAsync(CancellationToken.None)), ask => Assert.True(ask.IsCompletedSuccessfully));
    }

    [Fact]
    public async Task Hurrying_ends_the_pacing_for_waiting_and_later_asks()
    {
        var time = new FakeTimeProvider();
        var pace = new AskPace(TimeSpan.FromHours(1), asks: 3, time);
        using var hurry = new CancellationTokenSource();
        await pace.NextAsync(hurry.Token);
        var waiting = pace.NextAsync(hurry.Token);
        Assert.False(waiting.IsCompleted);

        await hurry.CancelAsync();

        // Hurried is not failed: the ask still goes ahead.
        await waiting.WaitAsync(Patience);
        Assert.True(pace.NextAsync(hurry.Token).IsCompletedSuccessfully);
    }

    [Fact]
    public void Without_a_spread_every_ask_goes_at_once()
    {
        var pace = new AskPace(TimeSpan.Zero, asks: 1000, new FakeTimeProvider());

        Assert.All(Enumerable.Range(0, 1000).Select(_ => pace.NextAsync(CancellationToken.None)), ask => Assert.True(ask.IsCompletedSuccessfully));
    }
}

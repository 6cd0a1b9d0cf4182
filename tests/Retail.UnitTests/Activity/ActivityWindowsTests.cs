using Retail.Grains.Abstractions.Variants;
using Retail.Grains.Activity;

namespace Retail.UnitTests.Activity;

public class ActivityWindowsTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Counts_events_in_the_last_15_minutes_and_the_last_hour()
    {
        var window = ActivityWindow.Empty
            .Add(Noon.AddMinutes(-70))   // too old for the hour
            .Add(Noon.AddMinutes(-50))
            .Add(Noon.AddMinutes(-20))
            .Add(Noon.AddMinutes(-10))
            .Add(Noon.AddMinutes(-1))
            .Add(Noon);

        Assert.Equal(3, window.Count(Noon, TimeSpan.FromMinutes(15)));
        Assert.Equal(5, window.Count(Noon, TimeSpan.FromHours(1)));
    }

    [Fact]
    public void Counts_fall_as_time_passes_without_events()
    {
        var window = ActivityWindow.Empty.Add(Noon).Add(Noon).Add(Noon.AddMinutes(5));

        Assert.Equal(3, window.Count(Noon.AddMinutes(10), TimeSpan.FromMinutes(15)));
        Assert.Equal(1, window.Count(Noon.AddMinutes(15), TimeSpan.FromMinutes(15)));
        Assert.Equal(0, window.Count(Noon.AddHours(2), TimeSpan.FromHours(1)));
    }

    [Fact]
    public void A_late_event_within_the_hour_still_counts_and_one_older_is_ignored()
    {
        var window = ActivityWindow.Empty.Add(Noon).Add(Noon.AddMinutes(-30)).Add(Noon.AddMinutes(-61));

        Assert.Equal(2, window.Count(Noon, TimeSpan.FromHours(1)));
    }

    [Fact]
    public void Moving_past_a_full_hour_clears_every_old_minute()
    {
        var window = ActivityWindow.Empty.Add(Noon).Add(Noon.AddMinutes(30)).Add(Noon.AddHours(3));

        Assert.Equal(1, window.Count(Noon.AddHours(3), TimeSpan.FromHours(1)));
        Assert.Equal([new MinuteCount((int)(Noon.AddHours(3).ToUnixTimeSeconds() / 60), 1)], window.Counts.ToArray());
    }

    [Fact]
    public void Keeps_only_minutes_with_events_oldest_first_whatever_order_they_arrive_in()
    {
        var minute = (int)(Noon.ToUnixTimeSeconds() / 60);
        var window = ActivityWindow.Empty
            .Add(Noon)
            .Add(Noon.AddMinutes(-40))
            .Add(Noon.AddMinutes(-10))
            .Add(Noon.AddSeconds(30))
            .Add(Noon.AddMinutes(-40).AddSeconds(5));

        Assert.Equal(minute, window.HeadMinute);
        Assert.Equal([new MinuteCount(minute - 40, 2), new MinuteCount(minute - 10, 1), new MinuteCount(minute, 2)], window.Counts.ToArray());
        Assert.Equal(3, window.Count(Noon, TimeSpan.FromMinutes(15)));
    }

    [Fact]
    public void Moving_the_head_drops_the_minutes_that_leave_the_hour()
    {
        var minute = (int)(Noon.ToUnixTimeSeconds() / 60);
        var window = ActivityWindow.Empty.Add(Noon).Add(Noon.AddMinutes(20)).Add(Noon.AddMinutes(70));

        Assert.Equal([new MinuteCount(minute + 20, 1), new MinuteCount(minute + 70, 1)], window.Counts.ToArray());
        Assert.Equal(2, window.Count(Noon.AddMinutes(70), TimeSpan.FromHours(1)));
    }

    [Fact]
    public void An_event_exactly_an_hour_behind_the_head_is_ignored_and_one_a_minute_later_counts()
    {
        var window = ActivityWindow.Empty.Add(Noon).Add(Noon.AddMinutes(-60)).Add(Noon.AddMinutes(-59));

        Assert.Equal(2, window.Count(Noon, TimeSpan.FromHours(1)));
        Assert.Equal(2, window.Counts.Length);
    }

    [Fact]
    public void Moving_the_head_by_exactly_an_hour_drops_the_old_head_minute()
    {
        var window = ActivityWindow.Empty.Add(Noon).Add(Noon.AddMinutes(59)).Add(Noon.AddMinutes(60));

        Assert.Equal(2, window.Count(Noon.AddMinutes(60), TimeSpan.FromHours(1)));
        Assert.Equal([(int)(Noon.AddMinutes(59).ToUnixTimeSeconds() / 60), (int)(Noon.AddMinutes(60).ToUnixTimeSeconds() / 60)], window.Counts.Select(c => c.Minute).ToArray());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Adding_many_at_once_gives_the_window_of_adding_them_one_at_a_time(int seed)
    {
        var random = new Random(seed);
        var sequential = ActivityWindow.Empty;
        var batched = ActivityWindow.Empty;
        for (var batch = 0; batch < 40; batch++)
        {
            // Out of order within a batch, some too old for the hour, and the head moving on by up to 2 hours.
            var times = Enumerable.Range(0, random.Next(0, 30)).Select(_ => Noon.AddMinutes((batch * 3) + random.Next(-90, 60))).ToArray();
            foreach (var at in times)
            {
                sequential = sequential.Add(at);
            }

            batched = batched.AddAll(times);

            Assert.Equal(sequential.HeadMinute, batched.HeadMinute);
            Assert.Equal(sequential.Counts.ToArray(), batched.Counts.ToArray());
        }
    }

    [Fact]
    public void Adding_many_at_once_to_a_window_with_every_minute_filled_keeps_one_entry_per_minute()
    {
        // Every minute of the hour has an event, the most a window can hold; more in each minute, and one that moves
        // the head a minute on, dropping the oldest.
        var full = ActivityWindow.Empty.AddAll([.. Enumerable.Range(0, ActivityWindow.Minutes).Select(m => Noon.AddMinutes(m))]);
        DateTimeOffset[] more = [.. Enumerable.Range(0, ActivityWindow.Minutes).Select(m => Noon.AddMinutes(m).AddSeconds(30)), Noon.AddMinutes(ActivityWindow.Minutes)];

        var batched = full.AddAll(more);
        var sequential = full;
        foreach (var at in more)
        {
            sequential = sequential.Add(at);
        }

        Assert.Equal(ActivityWindow.Minutes, full.Counts.Length);
        Assert.Equal(sequential.Counts.ToArray(), batched.Counts.ToArray());
        Assert.Equal(ActivityWindow.Minutes, batched.Counts.Length);
        Assert.Equal(1, batched.Counts[^1].Count);
        Assert.All(batched.Counts.Take(ActivityWindow.Minutes - 1), c => Assert.Equal(2, c.Count));
    }
}

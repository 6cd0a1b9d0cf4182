namespace Retail.Grains.Activity;

/// <summary>Per-minute counts over the last hour, by event time.</summary>
public static class ActivityWindows
{
    /// <summary>The window after one more event at <paramref name="at"/>. Events older than the window are ignored.</summary>
    public static ActivityWindow Add(this ActivityWindow window, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(window);
        var minute = MinuteOf(at);
        var buckets = window.Buckets.ToBuilder();
        var head = window.HeadMinute;
        if (minute > head)
        {
            // Clear the minutes the head moves over; they now stand for new minutes.
            var cleared = Math.Min(minute - head, ActivityWindow.Minutes);
            for (var m = minute - cleared + 1; m <= minute; m++)
            {
                buckets[Slot(m)] = 0;
            }

            head = minute;
        }
        else if (minute <= head - ActivityWindow.Minutes)
        {
            return window;
        }

        buckets[Slot(minute)]++;
        return new ActivityWindow(head, buckets.MoveToImmutable());
    }

    /// <summary>Events in the <paramref name="span"/> that ends at <paramref name="now"/> (whole minutes, at most an hour).</summary>
    public static long Count(this ActivityWindow window, DateTimeOffset now, TimeSpan span)
    {
        ArgumentNullException.ThrowIfNull(window);
        var nowMinute = MinuteOf(now);
        var minutes = Math.Clamp((long)Math.Ceiling(span.TotalMinutes), 1, ActivityWindow.Minutes);
        var total = 0L;
        for (var m = nowMinute - minutes + 1; m <= nowMinute; m++)
        {
            if (m <= window.HeadMinute && m > window.HeadMinute - ActivityWindow.Minutes)
            {
                total += window.Buckets[Slot(m)];
            }
        }

        return total;
    }

    private static long MinuteOf(DateTimeOffset at) => at.ToUnixTimeSeconds() / 60;

    private static int Slot(long minute) => (int)(((minute % ActivityWindow.Minutes) + ActivityWindow.Minutes) % ActivityWindow.Minutes);
}

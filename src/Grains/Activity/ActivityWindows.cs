using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Retail.Grains.Activity;

/// <summary>Per-minute counts over the last hour, by event time.</summary>
public static class ActivityWindows
{
    /// <summary>The window after one more event at <paramref name="at"/>. Events older than the window are ignored.</summary>
    public static ActivityWindow Add(this ActivityWindow window, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(window);
        var minute = MinuteOf(at);
        if (minute <= window.HeadMinute - ActivityWindow.Minutes)
        {
            return window;
        }

        var head = Math.Max(window.HeadMinute, minute);
        var counts = window.Counts;

        // Minutes the head moved past the hour are dropped; the rest keep their order, oldest first.
        var kept = 0;
        while (kept < counts.Length && counts[kept].Minute <= head - ActivityWindow.Minutes)
        {
            kept++;
        }

        var slot = kept;
        while (slot < counts.Length && counts[slot].Minute < minute)
        {
            slot++;
        }

        var found = slot < counts.Length && counts[slot].Minute == minute;
        var next = new MinuteCount[counts.Length - kept + (found ? 0 : 1)];
        counts.CopyTo(kept, next, 0, slot - kept);
        if (found)
        {
            next[slot - kept] = counts[slot] with { Count = counts[slot].Count + 1 };
            counts.CopyTo(slot + 1, next, slot - kept + 1, counts.Length - slot - 1);
        }
        else
        {
            next[slot - kept] = new MinuteCount((int)minute, 1);
            counts.CopyTo(slot, next, slot - kept + 1, counts.Length - slot);
        }

        return new ActivityWindow(head, ImmutableCollectionsMarshal.AsImmutableArray(next));
    }

    /// <summary>
    /// The window after events at each of <paramref name="times"/>, in one new window: the same as adding them one at a
    /// time, since minutes the head passes are dropped either way.
    /// </summary>
    public static ActivityWindow AddAll(this ActivityWindow window, ReadOnlySpan<DateTimeOffset> times)
    {
        ArgumentNullException.ThrowIfNull(window);
        if (times.Length <= 1)
        {
            return times.IsEmpty ? window : window.Add(times[0]);
        }

        var head = window.HeadMinute;
        foreach (var at in times)
        {
            head = Math.Max(head, MinuteOf(at));
        }

        // At most one entry per minute of the hour, oldest first.
        Span<MinuteCount> counts = stackalloc MinuteCount[ActivityWindow.Minutes];
        var length = 0;
        foreach (var count in window.Counts)
        {
            if (count.Minute > head - ActivityWindow.Minutes)
            {
                counts[length++] = count;
            }
        }

        foreach (var at in times)
        {
            var minute = MinuteOf(at);
            if (minute <= head - ActivityWindow.Minutes)
            {
                continue;
            }

            var slot = 0;
            while (slot < length && counts[slot].Minute < minute)
            {
                slot++;
            }

            if (slot < length && counts[slot].Minute == minute)
            {
                counts[slot] = counts[slot] with { Count = counts[slot].Count + 1 };
            }
            else
            {
                counts[slot..length].CopyTo(counts[(slot + 1)..]);
                counts[slot] = new MinuteCount((int)minute, 1);
                length++;
            }
        }

        return new ActivityWindow(head, [.. counts[..length]]);
    }

    /// <summary>Events in the <paramref name="span"/> that ends at <paramref name="now"/> (whole minutes, at most an hour).</summary>
    public static long Count(this ActivityWindow window, DateTimeOffset now, TimeSpan span)
    {
        ArgumentNullException.ThrowIfNull(window);
        var nowMinute = MinuteOf(now);
        var minutes = Math.Clamp((long)Math.Ceiling(span.TotalMinutes), 1, ActivityWindow.Minutes);
        var total = 0L;
        foreach (var (minute, count) in window.Counts)
        {
            if (minute <= nowMinute && minute > nowMinute - minutes)
            {
                total += count;
            }
        }

        return total;
    }

    private static long MinuteOf(DateTimeOffset at) => at.ToUnixTimeSeconds() / 60;
}

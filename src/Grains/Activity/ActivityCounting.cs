namespace Retail.Grains.Activity;

/// <summary>Counts clickstream activity, one event at a time.</summary>
public static class ActivityCounting
{
    /// <summary>The counts after one more event of <paramref name="activity"/>.</summary>
    public static ActivityCounts Add(this ActivityCounts counts, string activity)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(activity);
        return activity switch
        {
            Activities.ContentView => counts with { ContentView = counts.ContentView + 1 },
            Activities.AddToCart => counts with { AddToCart = counts.AddToCart + 1 },
            Activities.Purchase => counts with { Purchase = counts.Purchase + 1 },
            _ => counts with { Other = counts.Other.SetItem(activity, counts.Other.GetValueOrDefault(activity) + 1) },
        };
    }
}

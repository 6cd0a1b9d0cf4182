using Retail.Grains.Abstractions.Events;
using Retail.Grains.Abstractions.Variants;
using Retail.Grains.Activity;

namespace Retail.UnitTests.Activity;

public class ActivityCountingTests
{
    [Fact]
    public void Counts_each_activity_in_its_own_field()
    {
        var counts = ActivityCounts.None
            .Add(Activities.ContentView)
            .Add(Activities.ContentView)
            .Add(Activities.AddToCart)
            .Add(Activities.Purchase)
            .Add("wishlist")
            .Add("wishlist");

        Assert.Equal(2, counts.ContentView);
        Assert.Equal(1, counts.AddToCart);
        Assert.Equal(1, counts.Purchase);
        Assert.Equal(2, counts.Other["wishlist"]);
        Assert.Equal(6, counts.Total);
    }

    [Fact]
    public void Leaves_the_original_counts_unchanged()
    {
        var before = ActivityCounts.None;

        _ = before.Add(Activities.ContentView);

        Assert.Equal(0, before.ContentView);
        Assert.Equal(0, before.Total);
    }
}

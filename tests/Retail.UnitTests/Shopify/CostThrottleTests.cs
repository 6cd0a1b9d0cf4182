using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Retail.Shopify.Admin;

namespace Retail.UnitTests.Shopify;

public class CostThrottleTests
{
    [Fact]
    public void Before_any_report_nothing_waits()
    {
        var throttle = new CostThrottle(new FakeTimeProvider());

        Assert.Equal(TimeSpan.Zero, throttle.Reserve(500));
        Assert.Equal(TimeSpan.Zero, throttle.Reserve(500));
    }

    [Fact]
    public void A_query_that_does_not_fit_waits_for_the_bucket_to_refill_at_the_restore_rate()
    {
        var time = new FakeTimeProvider();
        var throttle = new CostThrottle(time);
        throttle.Observe(new ThrottleStatus(1000, 100, 50));

        Assert.Equal(TimeSpan.Zero, throttle.Reserve(60));
        // 40 left; 100 more need 60 points, 1.2 s at 50 points/s.
        Assert.Equal(TimeSpan.FromSeconds(1.2), throttle.Reserve(100));
    }

    [Fact]
    public void The_bucket_refills_over_time_up_to_its_maximum()
    {
        var time = new FakeTimeProvider();
        var throttle = new CostThrottle(time);
        throttle.Observe(new ThrottleStatus(1000, 0, 100));

        time.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(TimeSpan.Zero, throttle.Reserve(300));
        Assert.Equal(TimeSpan.FromSeconds(1), throttle.Reserve(100));
        time.Advance(TimeSpan.FromMinutes(1));
        // Full again, and never beyond its maximum: a dearer query waits for a full bucket only.
        Assert.Equal(TimeSpan.Zero, throttle.Reserve(1000));
        Assert.Equal(TimeSpan.FromSeconds(10), throttle.Reserve(5000));
    }

    [Fact]
    public void The_cost_is_read_from_the_response_extensions()
    {
        using var response = JsonDocument.Parse("""
            {"data":null,"errors":[{"message":"Throttled","extensions":{"code":"THROTTLED"}}],
             "extensions":{"cost":{"requestedQueryCost":252,"actualQueryCost":null,
               "throttleStatus":{"maximumAvailable":2000.0,"currentlyAvailable":12.0,"restoreRate":100.0}}}}
            """);

        var read = ThrottleStatus.Read(response.RootElement);

        Assert.Equal((new ThrottleStatus(2000, 12, 100), (double?)252), read);
        using var empty = JsonDocument.Parse("{}");
        Assert.Null(ThrottleStatus.Read(empty.RootElement));
    }
}

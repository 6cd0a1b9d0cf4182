using Retail.Api.Ingest;

namespace Retail.UnitTests.Ingest;

public class WebhookDeduplicatorTests
{
    [Fact]
    public async Task The_first_delivery_writes_and_its_duplicates_wait_for_it()
    {
        var deduplicator = new WebhookDeduplicator(10);

        Assert.Null(deduplicator.Claim("a", out var claim));
        var duplicate = deduplicator.Claim("a", out var noClaim);

        Assert.Null(noClaim);
        Assert.NotNull(duplicate);
        Assert.False(duplicate.IsCompleted);
        deduplicator.Complete("a", claim!, failure: null);
        await duplicate;
        Assert.True(deduplicator.Claim("a", out _)!.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task A_failed_write_is_forgotten_so_a_retry_can_write()
    {
        var deduplicator = new WebhookDeduplicator(10);
        _ = deduplicator.Claim("a", out var claim);
        var waiting = deduplicator.Claim("a", out _)!;

        deduplicator.Complete("a", claim!, new TimeoutException("down"));

        await Assert.ThrowsAsync<TimeoutException>(() => waiting);
        Assert.Null(deduplicator.Claim("a", out var retry));
        Assert.NotNull(retry);
    }

    [Fact]
    public void Memory_is_bounded_and_the_oldest_ids_go_first()
    {
        var deduplicator = new WebhookDeduplicator(3);
        foreach (var id in new[] { "a", "b", "c", "d" })
        {
            _ = deduplicator.Claim(id, out var claim);
            deduplicator.Complete(id, claim!, null);
        }

        Assert.Equal(3, deduplicator.Count);
        Assert.Null(deduplicator.Claim("a", out _));
        Assert.NotNull(deduplicator.Claim("d", out _));
    }
}

namespace Retail.Grains.Webhooks;

/// <summary>
/// One Shopify delivery: whether it was written to Kafka, durably, so a retry that reaches another API process, or
/// comes after a restart, is acknowledged without a second write. A claim being written is held in memory only for
/// <see cref="ClaimLifetime"/>, so a receiver that died mid-write does not block Shopify's next retry.
/// </summary>
/// <remarks>It leaves memory after two idle minutes: Shopify's retries of one delivery are minutes to hours apart.</remarks>
[CollectionAgeLimit(Minutes = 2)]
internal sealed class WebhookDeliveryGrain(
    [PersistentState("webhook-delivery", StorageNames.Retail)] IPersistentState<WebhookDeliveryState> state,
    TimeProvider time)
    : Grain, IWebhookDeliveryGrain
{
    /// <summary>How long a claim holds without an outcome: more than a receiver waits for Kafka.</summary>
    public static readonly TimeSpan ClaimLifetime = TimeSpan.FromSeconds(10);

    private (Guid Receiver, DateTimeOffset Until)? _claim;

    Task<WebhookClaim> IWebhookDeliveryGrain.ClaimAsync(Guid receiver)
    {
        if (state.State.WrittenAt is not null)
        {
            return Task.FromResult(WebhookClaim.Written);
        }

        var now = time.GetUtcNow();
        if (_claim is { } claim && claim.Receiver != receiver && claim.Until > now)
        {
            return Task.FromResult(WebhookClaim.InProgress);
        }

        _claim = (receiver, now + ClaimLifetime);
        return Task.FromResult(WebhookClaim.Write);
    }

    async Task IWebhookDeliveryGrain.CompleteAsync(Guid receiver, bool written)
    {
        if (_claim?.Receiver == receiver)
        {
            _claim = null;
        }

        // Written is written, even by a receiver whose claim had lapsed.
        if (written && state.State.WrittenAt is null)
        {
            state.State = new WebhookDeliveryState { WrittenAt = time.GetUtcNow() };
            await state.WriteStateAsync();
        }
    }
}

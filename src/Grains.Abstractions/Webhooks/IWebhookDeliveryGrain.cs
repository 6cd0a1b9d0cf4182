namespace Retail.Grains.Abstractions.Webhooks;

/// <summary>
/// One Shopify delivery, keyed by its <c>X-Shopify-Event-Id</c> (else its <c>X-Shopify-Webhook-Id</c>), whichever API
/// process receives it: remembers durably whether it was written to Kafka.
/// </summary>
public interface IWebhookDeliveryGrain : IGrainWithStringKey
{
    /// <summary>Claims the delivery for <paramref name="receiver"/>, a token unique to one request.</summary>
    Task<WebhookClaim> ClaimAsync(Guid receiver);

    /// <summary>Reports the claimed write's outcome: written durably, or released for a later delivery to write.</summary>
    Task CompleteAsync(Guid receiver, bool written);
}

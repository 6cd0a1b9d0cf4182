namespace Retail.Grains.Abstractions.Webhooks;

/// <summary>What a webhook receiver may do with a delivery it claimed.</summary>
public enum WebhookClaim
{
    /// <summary>Write it, then report the outcome.</summary>
    Write,

    /// <summary>It was written before: acknowledge it, do not write it again.</summary>
    Written,

    /// <summary>Another receiver is writing it now: refuse for now, Shopify delivers again.</summary>
    InProgress,
}

namespace Retail.Silo.Hosting;

/// <summary>Kafka topic names, bound from <c>Kafka:Topics</c>. The defaults are the seed pipeline's.</summary>
public sealed class RetailTopics
{
    public const string Section = "Kafka:Topics";

    /// <summary>Shopper clickstream in.</summary>
    public string Clickstream { get; set; } = "shopify_clickstream";

    /// <summary>Records that could not be used, with headers saying why.</summary>
    public string DeadLetters { get; set; } = "retail_dead_letters";
}

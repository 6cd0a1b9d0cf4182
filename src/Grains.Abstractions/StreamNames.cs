namespace Retail.Grains.Abstractions;

/// <summary>The stream provider and the stream namespaces that feed the retail grains.</summary>
public static class StreamNames
{
    /// <summary>The name of the Kafka-backed persistent stream provider.</summary>
    public const string Provider = "kafka";

    /// <summary>Shopper clickstream, keyed by variant id.</summary>
    public const string Clickstream = "clickstream";
}

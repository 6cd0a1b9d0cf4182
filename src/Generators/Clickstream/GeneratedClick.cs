namespace Retail.Generators.Clickstream;

/// <summary>One generated clickstream record: the Kafka key and value, and what it counts for.</summary>
public sealed record GeneratedClick(long VariantId, string Activity, byte[] Value);

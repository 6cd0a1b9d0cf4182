using Retail.Generators.Records;

namespace Retail.Generators.Output;

/// <summary>Where generated records go: Kafka, or the platform's HTTP ingest endpoints.</summary>
public interface ISink : IAsyncDisposable
{
    /// <summary>Records acknowledged by the target.</summary>
    long Sent { get; }

    /// <summary>Records the target refused or that could not be delivered.</summary>
    long Failed { get; }

    /// <summary>Hands one record over; it may be sent later, in a batch.</summary>
    ValueTask SendAsync(OutboundRecord record, CancellationToken cancellationToken);

    /// <summary>Waits until every record handed over has been acknowledged or has failed.</summary>
    Task FlushAsync(CancellationToken cancellationToken);
}

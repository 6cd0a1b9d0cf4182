using Retail.Grains.Abstractions.Inventory;
using Retail.Grains.Abstractions.Products;
using Retail.Grains.Abstractions.Variants;
using Streaming.Kafka.Offsets;

namespace Retail.Silo.Checkpoints;

/// <summary>
/// Holds each Kafka offset commit until every grain that received events below it has made their effects
/// durable. If one of them lost effects (it restarted before persisting), the partition is read again; the
/// grains skip what they already have, by position. Together: exactly-once effect.
/// </summary>
internal sealed class GrainCommitGate(IGrainFactory grains) : IKafkaCommitGate
{
    /// <summary>
    /// Grains asked at once per checkpoint. A grain's write holds its turn, so letting thousands queue on the
    /// database at once would stall every one of them for the whole burst; a few at a time, each waits only
    /// for its own write. Measured with PostgreSQL: 16 gave a p99 of 43 to 60 ms, 4 gave 36 to 40 ms.
    /// </summary>
    public const int Concurrency = 4;

    public async Task<bool> CanCommitAsync(KafkaCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        // One grain that lost effects decides the answer, so the rest need not be asked.
        using var lost = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var durable = true;
        try
        {
            await Parallel.ForEachAsync(
                checkpoint.Delivered,
                new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = lost.Token },
                async (delivered, token) =>
                {
                    var (streamId, last) = delivered;
                    var streamNamespace = streamId.GetNamespace() ?? string.Empty;
                    var upTo = new SourcePosition(checkpoint.Partition, last.Offset, last.EventIndex);
                    var key = long.Parse(streamId.GetKeyAsString(), System.Globalization.CultureInfo.InvariantCulture);
                    if (!await ConsumerOf(streamNamespace, key).MakeDurableAsync(streamNamespace, upTo).WaitAsync(token))
                    {
                        Volatile.Write(ref durable, false);
                        await lost.CancelAsync();
                    }
                });
        }
        catch (OperationCanceledException) when (!Volatile.Read(ref durable) && !cancellationToken.IsCancellationRequested)
        {
            // Stopped early: some grain lost effects.
        }

        return Volatile.Read(ref durable);
    }

    private IDurableStreamConsumer ConsumerOf(string streamNamespace, long key) => streamNamespace switch
    {
        StreamNames.Products => grains.GetGrain<IProductGrain>(key),
        StreamNames.InventoryLevels => grains.GetGrain<IInventoryItemGrain>(key),
        _ => grains.GetGrain<IProductVariantGrain>(key),
    };
}

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
                    var (consumer, positionsUnder) = ConsumerOf(streamId, checkpoint);
                    var upTo = new SourcePosition(checkpoint.Partition, last.Offset, last.EventIndex);
                    if (!await consumer.MakeDurableAsync(positionsUnder, upTo).WaitAsync(token))
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

    /// <summary>
    /// The grain behind <paramref name="streamId"/>, and the namespace its positions from this partition count
    /// under: the topic's for a variant, whose one stream merges several topics; the stream's own otherwise.
    /// </summary>
    private (IDurableStreamConsumer Consumer, string Namespace) ConsumerOf(StreamId streamId, KafkaCheckpoint checkpoint)
    {
        var key = long.Parse(streamId.GetKeyAsString(), System.Globalization.CultureInfo.InvariantCulture);
        var (grain, positionsUnder) = streamId.GetNamespace() switch
        {
            StreamNames.Products => (grains.GetGrain<IProductGrain>(key).GetGrainId(), StreamNames.Products),
            StreamNames.InventoryLevels => (grains.GetGrain<IInventoryItemGrain>(key).GetGrainId(), StreamNames.InventoryLevels),
            StreamNames.Variant => (grains.GetGrain<IProductVariantGrain>(key).GetGrainId(), checkpoint.StreamNamespace),
            var other => throw new InvalidOperationException($"No grain consumes stream namespace '{other}'."),
        };

        // The commit callback is not on the grains' public contracts, which API clients hold.
        return (grains.GetGrain<IDurableStreamConsumer>(grain), positionsUnder);    }
}

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
    public async Task<bool> CanCommitAsync(KafkaCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var checks = checkpoint.Delivered.Select(delivered =>
        {
            var (streamId, token) = delivered;
            var streamNamespace = streamId.GetNamespace() ?? string.Empty;
            var upTo = new SourcePosition(checkpoint.Partition, token.Offset, token.EventIndex);
            return ConsumerOf(streamNamespace, long.Parse(streamId.GetKeyAsString(), System.Globalization.CultureInfo.InvariantCulture))
                .MakeDurableAsync(streamNamespace, upTo)
                .WaitAsync(cancellationToken);
        });
        var answers = await Task.WhenAll(checks);
        return answers.All(durable => durable);
    }

    private IDurableStreamConsumer ConsumerOf(string streamNamespace, long key) => streamNamespace switch
    {
        StreamNames.Products => grains.GetGrain<IProductGrain>(key),
        StreamNames.InventoryLevels => grains.GetGrain<IInventoryItemGrain>(key),
        _ => grains.GetGrain<IProductVariantGrain>(key),
    };
}

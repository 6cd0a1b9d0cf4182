namespace Streaming.Kafka.ExactlyOnce;

/// <summary>The default gate: an event counts as done once it has been delivered.</summary>
public sealed class CommitOnDelivery : IKafkaCommitGate
{
    public Task<bool> CanCommitAsync(KafkaCheckpoint checkpoint, CancellationToken cancellationToken) => Task.FromResult(true);
}

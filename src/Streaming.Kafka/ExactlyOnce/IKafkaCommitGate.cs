namespace Streaming.Kafka.ExactlyOnce;

/// <summary>
/// Lets the application hold offset commits back until the effects of the events they cover are durable.
/// Registered per provider as a keyed service under the provider's name; without one, an offset is
/// committed as soon as its events have been delivered.
/// </summary>
public interface IKafkaCommitGate
{
    /// <summary>
    /// Called before the provider commits <paramref name="checkpoint"/>. Complete with <c>true</c> once the
    /// effects of every event delivered to the listed streams, up to each stream's token, are durable.
    /// Complete with <c>false</c> if some of those effects were lost (a consumer crashed before it persisted
    /// them): the partition is then read again from its last committed offset, and consumers see those
    /// events again, with the same tokens. Throw to try again at the next commit.
    /// </summary>
    Task<bool> CanCommitAsync(KafkaCheckpoint checkpoint, CancellationToken cancellationToken);
}

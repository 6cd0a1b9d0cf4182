namespace Streaming.Kafka.Mapping;

/// <summary>
/// Turns Kafka records into Orleans stream events and back. Registered per provider as a keyed service
/// under the provider's name.
/// </summary>
public interface IKafkaRecordMapper
{
    /// <summary>
    /// Maps one consumed record to zero or more events. Throw to reject the record: it then goes to the
    /// dead-letter topic, with the exception message as its reason, and the partition moves on.
    /// </summary>
    /// <param name="record">The record; its memory is only valid during the call.</param>
    /// <param name="streamNamespace">The namespace configured for the record's topic.</param>
    /// <param name="events">Receives the events.</param>
    void Map(in KafkaRecord record, string streamNamespace, MappedEvents events);

    /// <summary>
    /// Serializes an event published to one of the provider's streams (with <c>OnNextAsync</c>, or straight to its
    /// queue adapter), as a record value.
    /// </summary>
    byte[] Serialize(StreamId streamId, object item);
}

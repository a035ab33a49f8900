package cn.finance.disclosure.support.outbox;

import java.time.Instant;

/**
 * An outbox message the relay gave up on: the broker refused it as such (too large, unserializable, invalid topic)
 * {@code attempts} times. It stays in its aggregate's document ({@code outboxFailed}) for an operator to look at.
 *
 * @param envelopeLength the size of the event's JSON in characters (the envelope itself is not shown here)
 */
public record OutboxFailure(String collection, String aggregateId, String eventId, String type, String topic,
                            String key, int envelopeLength, int attempts, Instant failedAt, String error) {
}

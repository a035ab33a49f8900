package cn.finance.disclosure.support.outbox;

import cn.finance.disclosure.events.EventEnvelope;
import cn.finance.disclosure.events.EventJson;

/**
 * An event waiting to be relayed, stored inside the document of the aggregate whose change it records, so the
 * change and its event are one single-document write (no transactions needed).
 */
public record OutboxMessage(String eventId, String topic, String key, String type, String envelope) {

    public static OutboxMessage of(String topic, String key, EventEnvelope envelope) {
        return new OutboxMessage(envelope.id(), topic, key, envelope.type(), EventJson.write(envelope));
    }
}

package cn.finance.disclosure.support.outbox;

import java.util.List;

/**
 * An aggregate whose document carries its own outbox (a {@code List<OutboxMessage> outbox} field, plus an
 * {@code @Id} and a {@code @Version}). Such an aggregate is written only through {@link AggregateStore}: a plain
 * repository or template {@code save} would write back the outbox as it was read and publish relayed events again.
 */
public interface OutboxAggregate {

    /** The events this object recorded since it was loaded or created: exactly what a write adds to the outbox. */
    List<OutboxMessage> recordedEvents();

    /** Called by the store once the recorded events are stored, so writing the object again adds none twice. */
    void recordedEventsStored();
}

package cn.finance.disclosure.support.outbox;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static cn.finance.disclosure.support.outbox.OutboxTestSupport.Counter;
import static cn.finance.disclosure.support.outbox.OutboxTestSupport.INFRA;
import static cn.finance.disclosure.support.outbox.OutboxTestSupport.MONGO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The aggregate store on the MongoDB-wire server and a real broker: a write pushes only the events it recorded, so an
 * event the relay published and pulled after the aggregate was read is not put back (it would go out twice).
 */
class AggregateStoreTest {

    final String topic = OutboxTestSupport.newTopic();
    final OutboxRelay relay = new OutboxRelay(MONGO, OutboxTestSupport.kafka(INFRA.kafkaBootstrapServers(), Map.of()),
            List.of("counters"), Duration.ofSeconds(1));
    final AggregateStore store = new AggregateStore(MONGO, relay);

    @org.junit.jupiter.api.BeforeEach
    void emptyCollection() {
        MONGO.remove(new org.springframework.data.mongodb.core.query.Query(), "counters");
    }

    @Test
    void givenAnEventRelayedAfterTheAggregateWasRead_whenTheAggregateIsWritten_thenEveryEventIsPublishedOnce() {
        String id = "c-" + UUID.randomUUID();
        store.insert(Counter.create(topic, id));
        Counter readBeforeTheRelayRan = MONGO.findById(id, Counter.class);
        assertThat(readBeforeTheRelayRan.outbox).hasSize(1);

        relay.drainOnce(); // publishes the first event and pulls it from the stored outbox
        readBeforeTheRelayRan.step(topic, 0);
        long version = store.update(readBeforeTheRelayRan);
        relay.drainOnce();

        assertThat(version).isEqualTo(1);
        assertThat(readBeforeTheRelayRan.version).isEqualTo(1);
        assertThat(MONGO.findById(id, Counter.class).outbox).isEmpty();
        Map<String, Long> byEventId = OutboxTestSupport.read(topic, 2).stream()
                .collect(Collectors.groupingBy(r -> header(r, "ce_id"), Collectors.counting()));
        assertThat(byEventId).hasSize(2).allSatisfy((eventId, count) -> assertThat(count).as(eventId).isEqualTo(1));
    }

    @Test
    void givenAStaleAggregate_whenWritten_thenRefusedAndNothingPushed() {
        String id = "c-" + UUID.randomUUID();
        store.insert(Counter.create(topic, id));
        Counter first = MONGO.findById(id, Counter.class);
        Counter second = MONGO.findById(id, Counter.class);
        first.step(topic, 0);
        store.update(first);

        second.step(topic, 0);
        assertThatThrownBy(() -> store.update(second)).isInstanceOf(OptimisticLockingFailureException.class);

        Counter stored = MONGO.findById(id, Counter.class);
        assertThat(stored.version).isEqualTo(1);
        assertThat(stored.value).isEqualTo(2);
        assertThat(stored.outbox).hasSize(2);
        assertThatThrownBy(() -> store.insert(Counter.create(topic, id))).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void givenAnAggregateWrittenTwice_thenItsEventIsPushedOnce() {
        String id = "c-" + UUID.randomUUID();
        Counter counter = Counter.create(topic, id);
        store.insert(counter);
        counter.step(topic, 0);
        store.update(counter);
        store.update(counter); // nothing new recorded since the last write

        assertThat(MONGO.findById(id, Counter.class).outbox).extracting(OutboxMessage::eventId)
                .doesNotHaveDuplicates().hasSize(2);
        assertThat(counter.version).isEqualTo(2);
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), java.nio.charset.StandardCharsets.UTF_8);
    }
}

package cn.finance.disclosure.support.outbox;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.finance.disclosure.support.outbox.OutboxTestSupport.Counter;
import static cn.finance.disclosure.support.outbox.OutboxTestSupport.INFRA;
import static cn.finance.disclosure.support.outbox.OutboxTestSupport.MONGO;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write wakes the relay with the document it wrote: that document's events leave without a scan of the collection
 * (which reads every document on a database that cannot use the sparse index); events nobody named (left by a crash)
 * are still found by the regular scan.
 */
class OutboxWakeUpTest {

    final String topic = OutboxTestSupport.newTopic();
    final OutboxRelay relay = new OutboxRelay(MONGO, OutboxTestSupport.kafka(INFRA.kafkaBootstrapServers(), Map.of()),
            List.of("counters"), Duration.ofSeconds(1));
    final AggregateStore store = new AggregateStore(MONGO, relay);

    @BeforeEach
    void emptyCollection() {
        MONGO.remove(new Query(), "counters");
    }

    @Test
    void givenAWrittenDocumentAndOthersWaiting_thenThePassAfterTheWakeUpDrainsOnlyTheWrittenOne_andTheScanTheRest() {
        String leftBehind1 = "left-" + UUID.randomUUID();
        String leftBehind2 = "left-" + UUID.randomUUID();
        MONGO.insert(Counter.create(topic, leftBehind1)); // written before a crash: nobody woke the relay for them
        MONGO.insert(Counter.create(topic, leftBehind2));
        String written = "written-" + UUID.randomUUID();
        store.insert(Counter.create(topic, written));

        assertThat(relay.drainWritten()).as("only the document the wake-up named").isEqualTo(1);
        assertThat(MONGO.findById(written, Counter.class).outbox).isEmpty();
        assertThat(MONGO.findById(leftBehind1, Counter.class).outbox).hasSize(1);
        assertThat(relay.drainWritten()).as("each named document once").isZero();

        assertThat(relay.drainOnce()).as("the scan finds what nobody named").isEqualTo(2);
        assertThat(OutboxTestSupport.read(topic, 3)).extracting(r -> r.key())
                .containsExactlyInAnyOrder(written, leftBehind1, leftBehind2);
    }

    @Test
    void givenAnUpdateThatRecordedEvents_thenItsDocumentIsNamedToTheRelay() {
        String id = "updated-" + UUID.randomUUID();
        Counter counter = Counter.create(topic, id);
        store.insert(counter);
        assertThat(relay.drainWritten()).isEqualTo(1);

        Counter read = MONGO.findById(id, Counter.class);
        read.step(topic, 0);
        store.update(read);

        assertThat(relay.drainWritten()).as("the update's event, found by the document's id").isEqualTo(1);
        assertThat(MONGO.findById(id, Counter.class).outbox).isEmpty();
    }
}

package cn.finance.disclosure.support.outbox;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.finance.disclosure.support.outbox.OutboxTestSupport.Counter;
import static cn.finance.disclosure.support.outbox.OutboxTestSupport.INFRA;
import static cn.finance.disclosure.support.outbox.OutboxTestSupport.MONGO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One bad message stops nothing else: a message the broker refuses (over its size limit) is retried with its own
 * backoff and then marked failed and kept, while the other aggregates' events are published; a broker that cannot be
 * reached is an outage, and no message is ever marked failed for it.
 */
class OutboxRelayTest {

    static final OutboxRelay.RetryPolicy POLICY = new OutboxRelay.RetryPolicy(3, Duration.ofSeconds(10),
            Duration.ofMinutes(1));
    /** More than the broker's default limit (about 1 MB); the producer lets it through so the broker refuses it. */
    static final int TOO_LARGE = 1_200_000;

    final String topic = OutboxTestSupport.newTopic();
    final String collection = "counters";
    final OutboxTestSupport.ManualClock clock = new OutboxTestSupport.ManualClock();

    @org.junit.jupiter.api.BeforeEach
    void emptyCollection() {
        MONGO.remove(new org.springframework.data.mongodb.core.query.Query(), "counters");
    }

    OutboxRelay relay(String bootstrap, Map<String, Object> producer) {
        return new OutboxRelay(MONGO, OutboxTestSupport.kafka(bootstrap, producer), List.of(collection),
                Duration.ofSeconds(1), POLICY, clock);
    }

    @Test
    void givenAPoisonMessageBesideGoodOnes_thenTheGoodOnesArrive_andThePoisonIsRetriedThenMarkedFailed() {
        OutboxRelay relay = relay(INFRA.kafkaBootstrapServers(),
                Map.of(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 5_000_000));
        AggregateStore store = new AggregateStore(MONGO, relay);
        String poisonId = "poison-" + UUID.randomUUID();
        Counter poisoned = Counter.create(topic, poisonId);
        poisoned.step(topic, TOO_LARGE); // the aggregate's second event is too large for the broker
        poisoned.step(topic, 0);         // its third waits behind it, to keep the aggregate's order
        store.insert(poisoned);
        for (int i = 0; i < 3; i++) {
            store.insert(Counter.create(topic, "good-" + i + "-" + UUID.randomUUID()));
        }
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        OutboxConfiguration.metrics(relay, meters);

        int firstPass = relay.drainOnce();

        assertThat(firstPass).as("the good aggregates' events and the poisoned one's first").isEqualTo(4);
        assertThat(relay.failures()).isEmpty();
        assertThat(MONGO.findById(poisonId, Counter.class).outbox).hasSize(2);

        assertThat(relay.drainOnce()).as("within its backoff the refused message is not tried").isZero();
        assertThat(relay.refusedAttempts()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(10));
        assertThat(relay.drainOnce()).isZero();
        assertThat(relay.refusedAttempts()).isEqualTo(2);
        clock.advance(Duration.ofSeconds(20));
        assertThat(relay.drainOnce()).as("parked at the third refusal; the aggregate's next event goes").isEqualTo(1);

        assertThat(relay.failures()).singleElement().satisfies(f -> {
            assertThat(f.aggregateId()).isEqualTo(poisonId);
            assertThat(f.attempts()).isEqualTo(3);
            assertThat(f.error()).contains("RecordTooLargeException");
            assertThat(f.envelopeLength()).isGreaterThan(TOO_LARGE);
            assertThat(f.failedAt()).isEqualTo(clock.instant());
        });
        assertThat(meters.get("finance.outbox.failed").gauge().value()).isEqualTo(1);
        assertThat(MONGO.findById(poisonId, Counter.class).outbox).isEmpty();
        List<ConsumerRecord<String, String>> arrived = OutboxTestSupport.read(topic, 5);
        assertThat(arrived).hasSize(5).allSatisfy(r -> assertThat(r.value().length()).isLessThan(TOO_LARGE));
        assertThat(arrived.stream().filter(r -> r.key().equals(poisonId)).map(r -> r.value()))
                .as("the poisoned aggregate's other events, in order").hasSize(2)
                .satisfies(values -> assertThat(values.get(0)).contains("\"value\":1"))
                .satisfies(values -> assertThat(values.get(1)).contains("\"value\":3"));
    }

    @Test
    void givenTheBrokerIsDown_thenNothingIsMarkedFailed_andTheMessagesWait() {
        String unreachable = "127.0.0.1:" + cn.finance.disclosure.stack.FreePorts.next();
        OutboxRelay relay = relay(unreachable, Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, 300));
        String id = "down-" + UUID.randomUUID();
        new AggregateStore(MONGO, relay).insert(Counter.create(topic, id));

        for (int pass = 0; pass < POLICY.maxAttempts() + 2; pass++) {
            assertThatThrownBy(relay::drainOnce).isInstanceOf(OutboxRelay.BrokerUnavailable.class);
            clock.advance(Duration.ofMinutes(5));
        }

        assertThat(relay.failures()).isEmpty();
        assertThat(relay.refusedAttempts()).isZero();
        assertThat(MONGO.findById(id, Counter.class).outbox).hasSize(1);
        // and once the broker is back, the same message goes out
        OutboxRelay back = relay(INFRA.kafkaBootstrapServers(), Map.of());
        assertThat(back.drainOnce()).isGreaterThanOrEqualTo(1);
        assertThat(MONGO.findById(id, Counter.class).outbox).isEmpty();
    }
}

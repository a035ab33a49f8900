package cn.finance.disclosure.support.outbox;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static cn.finance.disclosure.support.outbox.OutboxTestSupport.Counter;
import static cn.finance.disclosure.support.outbox.OutboxTestSupport.INFRA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two replicas' relays over the same outboxes (each with its own MongoDB client and Kafka producer, as two processes
 * would have): every event reaches the topic exactly once, because a relay publishes a document's outbox only while
 * it holds the document's claim; a dead relay's claim blocks the others until it expires, then they take over. A
 * relay that dies after the broker acknowledged an event and before it removed it from the outbox leaves that event
 * named in its claim; whoever takes the claim next (another replica after the lease, or the same node restarted)
 * finds it on the topic and removes it without publishing it again.
 */
class OutboxReplicasTest {

    static final String DATABASE = "outbox-replicas";
    static final MongoClient CLIENT_A = MongoClients.create(INFRA.mongoUri(DATABASE));
    static final MongoClient CLIENT_B = MongoClients.create(INFRA.mongoUri(DATABASE));
    static final MongoTemplate MONGO_A = new MongoTemplate(CLIENT_A, DATABASE);
    static final MongoTemplate MONGO_B = new MongoTemplate(CLIENT_B, DATABASE);

    final String topic = OutboxTestSupport.newTopic();
    final OutboxTestSupport.ManualClock clock = new OutboxTestSupport.ManualClock();

    @AfterAll
    static void close() {
        CLIENT_A.close();
        CLIENT_B.close();
    }

    @BeforeEach
    void emptyCollection() {
        MONGO_A.remove(new Query(), "counters");
    }

    OutboxRelay relay(MongoTemplate mongo, String owner) {
        return new OutboxRelay(mongo, OutboxTestSupport.kafka(INFRA.kafkaBootstrapServers(), Map.of()),
                List.of("counters"), Duration.ofSeconds(1), OutboxRelay.RetryPolicy.DEFAULT, clock, owner,
                Duration.ofSeconds(60));
    }

    @Test
    void givenTwoRelaysDrainingTheSameOutboxesAtOnce_thenEveryEventIsOnTheTopicOnce() throws Exception {
        OutboxRelay a = relay(MONGO_A, "replica-a");
        OutboxRelay b = relay(MONGO_B, "replica-b");
        AggregateStore store = new AggregateStore(MONGO_A, a); // the relays are not started: the test drives them
        int aggregates = 30;
        int eventsEach = 3;
        for (int i = 0; i < aggregates; i++) {
            Counter c = Counter.create(topic, "c-" + i + "-" + UUID.randomUUID());
            for (int step = 1; step < eventsEach; step++) {
                c.step(topic, 0);
            }
            store.insert(c);
        }

        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Callable<Integer>> replicas = new ArrayList<>();
        for (OutboxRelay relay : List.of(a, b)) {
            replicas.add(() -> {
                together.await();
                int published = 0;
                for (int pass = 0; pass < 5; pass++) {
                    published += relay.drainOnce();
                }
                return published;
            });
        }
        int published = 0;
        for (Future<Integer> f : pool.invokeAll(replicas)) {
            published += f.get();
        }
        pool.shutdown();

        int expected = aggregates * eventsEach;
        assertThat(published).as("publications counted by both relays").isEqualTo(expected);
        List<ConsumerRecord<String, String>> arrived = OutboxTestSupport.read(topic, expected);
        Map<String, Long> copies = arrived.stream().collect(Collectors.groupingBy(OutboxReplicasTest::eventId,
                Collectors.counting()));
        assertThat(copies).as("distinct event ids on the topic").hasSize(expected);
        assertThat(copies.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey))
                .as("event ids published twice").isEmpty();
        assertThat(MONGO_A.count(Query.query(Criteria
                .where("outbox.eventId").exists(true)), "counters")).isZero();
        assertThat(MONGO_A.count(Query.query(Criteria
                .where(OutboxRelay.CLAIM).exists(true)), "counters")).as("claims released").isZero();
    }

    @Test
    void givenARelayDiedHoldingAClaim_thenOthersWaitForItToExpire_andThenTakeOver() {
        OutboxRelay dead = relay(MONGO_A, "replica-a");
        OutboxRelay survivor = relay(MONGO_B, "replica-b");
        String id = "claimed-" + UUID.randomUUID();
        new AggregateStore(MONGO_A, dead).insert(Counter.create(topic, id));
        assertThat(dead.claim("counters", id)).as("the dead relay's claim, taken just before it died").isNotNull();

        assertThat(survivor.drainOnce()).as("within the lease nobody else publishes").isZero();
        assertThat(survivor.claim("counters", id)).isNull();
        clock.advance(Duration.ofSeconds(61));
        assertThat(survivor.drainOnce()).as("after the lease the survivor takes over").isEqualTo(1);

        assertThat(OutboxTestSupport.read(topic, 1)).hasSize(1);
    }

    /** What a SIGKILL does to a relay, at a chosen point: nothing after it runs, nothing is written. */
    static final class Killed extends Error {
    }

    /** A relay that dies right after the broker acknowledged {@code eventId}, before removing it from the outbox. */
    OutboxRelay dyingAfterTheAck(MongoTemplate mongo, String owner, String eventId) {
        return new OutboxRelay(mongo, OutboxTestSupport.kafka(INFRA.kafkaBootstrapServers(), Map.of()),
                List.of("counters"), Duration.ofSeconds(1), OutboxRelay.RetryPolicy.DEFAULT, clock, owner,
                Duration.ofSeconds(60)) {
            @Override
            void acknowledged(String acknowledged) {
                if (acknowledged.equals(eventId)) {
                    throw new Killed();
                }
            }
        };
    }

    /** An aggregate with three events waiting, stored; returns their ids in order. */
    List<String> threeEvents(OutboxRelay relay, String id) {
        Counter c = Counter.create(topic, id);
        c.step(topic, 0);
        c.step(topic, 0);
        new AggregateStore(MONGO_A, relay).insert(c);
        return c.outbox.stream().map(OutboxMessage::eventId).toList();
    }

    @Test
    void givenARelayKilledBetweenTheAckAndTheRemoval_thenAnotherReplicaAfterTheLease_publishesTheRestOnce() {
        String id = "killed-" + UUID.randomUUID();
        OutboxRelay survivor = relay(MONGO_B, "replica-b");
        List<String> events = threeEvents(survivor, id);
        OutboxRelay dead = dyingAfterTheAck(MONGO_A, "replica-a", events.get(1));

        assertThatThrownBy(dead::drainOnce).isInstanceOf(Killed.class);
        assertThat(MONGO_A.findById(id, Counter.class).outbox).extracting(OutboxMessage::eventId)
                .as("the second event was acknowledged, not removed").containsExactly(events.get(1), events.get(2));
        assertThat(survivor.drainOnce()).as("within the lease the dead relay's claim holds").isZero();
        clock.advance(Duration.ofSeconds(61));

        int published = survivor.drainOnce();

        assertOnTheTopicOnce(events);
        assertThat(published).as("only the third is published").isEqualTo(1);
        assertThat(survivor.foundOnTopicCount()).as("the second found on the topic").isEqualTo(1);
        assertDrained(id);
    }

    @Test
    void givenARelayKilledBetweenTheAckAndTheRemoval_thenTheSameNodeRestarted_publishesTheRestOnce() {
        String id = "restarted-" + UUID.randomUUID();
        OutboxRelay restarted = relay(MONGO_B, "replica-a"); // the same owner name: the same host and port
        List<String> events = threeEvents(restarted, id);
        OutboxRelay dead = dyingAfterTheAck(MONGO_A, "replica-a", events.get(1));
        assertThatThrownBy(dead::drainOnce).isInstanceOf(Killed.class);

        int published = restarted.drainOnce();

        assertOnTheTopicOnce(events);
        assertThat(published).as("at once, its own claim; only the third is published").isEqualTo(1);
        assertThat(restarted.foundOnTopicCount()).isEqualTo(1);
        assertDrained(id);
    }

    @Test
    void givenAPassEndedByAnOutageBeforeTheBrokerHadTheEvent_thenTheNextRelayLooksItUp_andPublishesItOnce() {
        String id = "outage-" + UUID.randomUUID();
        OutboxRelay cut = new OutboxRelay(MONGO_A, OutboxTestSupport.kafka(
                "127.0.0.1:" + cn.finance.disclosure.stack.FreePorts.next(),
                Map.of(org.apache.kafka.clients.producer.ProducerConfig.MAX_BLOCK_MS_CONFIG, 300)),
                List.of("counters"), Duration.ofSeconds(1), OutboxRelay.RetryPolicy.DEFAULT, clock, "replica-a",
                Duration.ofSeconds(60));
        List<String> events = threeEvents(cut, id);
        assertThatThrownBy(cut::drainOnce).isInstanceOf(OutboxRelay.BrokerUnavailable.class);
        org.bson.Document claim = MONGO_A.findById(id, org.bson.Document.class, "counters")
                .get(OutboxRelay.CLAIM, org.bson.Document.class);
        assertThat(claim.get("sending", org.bson.Document.class).getString("eventId"))
                .as("the claim let go, the message in flight kept named").isEqualTo(events.get(0));
        OutboxRelay other = relay(MONGO_B, "replica-b");

        assertThat(other.drainOnce()).as("no lease to wait for; not on the topic, so published").isEqualTo(3);

        assertThat(other.foundOnTopicCount()).isZero();
        assertOnTheTopicOnce(events);
        assertDrained(id);
    }

    void assertOnTheTopicOnce(List<String> events) {
        List<ConsumerRecord<String, String>> arrived = OutboxTestSupport.read(topic, events.size());
        assertThat(arrived.stream().map(OutboxReplicasTest::eventId)).as("event ids on the topic, in order")
                .containsExactlyElementsOf(events);
    }

    void assertDrained(String id) {
        org.bson.Document stored = MONGO_A.findById(id, org.bson.Document.class, "counters");
        assertThat(stored.getList("outbox", org.bson.Document.class)).isEmpty();
        assertThat(stored).as("claim released").doesNotContainKey(OutboxRelay.CLAIM);
    }

    static String eventId(ConsumerRecord<String, String> record) {
        return new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
    }
}

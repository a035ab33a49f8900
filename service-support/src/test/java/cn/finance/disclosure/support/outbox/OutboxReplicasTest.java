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

/**
 * Two replicas' relays over the same outboxes (each with its own MongoDB client and Kafka producer, as two processes
 * would have): every event reaches the topic exactly once, because a relay publishes a document's outbox only while
 * it holds the document's claim; a dead relay's claim blocks the others until it expires, then they take over.
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

    static String eventId(ConsumerRecord<String, String> record) {
        return new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
    }
}

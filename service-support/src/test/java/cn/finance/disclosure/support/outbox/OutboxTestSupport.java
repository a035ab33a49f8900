package cn.finance.disclosure.support.outbox;

import cn.finance.disclosure.events.EventJson;
import cn.finance.disclosure.stack.EmbeddedInfrastructure;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A small aggregate with an outbox, the shared real broker and MongoDB-wire server, and a topic reader. */
final class OutboxTestSupport {

    static final EmbeddedInfrastructure INFRA = EmbeddedInfrastructure.shared();
    static final MongoClient CLIENT = MongoClients.create(INFRA.mongoUri("outbox-support"));
    static final MongoTemplate MONGO = new MongoTemplate(CLIENT, "outbox-support");

    private OutboxTestSupport() {
    }

    /** An aggregate whose every step records one event. */
    @Document("counters")
    static class Counter implements OutboxAggregate {
        @Id
        String id;
        int value;
        @Version
        Long version;
        List<OutboxMessage> outbox = new ArrayList<>();
        @Transient
        final List<OutboxMessage> recorded = new ArrayList<>();

        static Counter create(String topic, String id) {
            Counter c = new Counter();
            c.id = id;
            c.step(topic, 0);
            return c;
        }

        /** One step, with an event of {@code padding} extra characters (a large one is refused by the broker). */
        void step(String topic, int padding) {
            value++;
            OutboxMessage m = OutboxMessage.of(topic, id, EventJson.envelope("test.counted.v1", "support-test", id,
                    Instant.now(), Map.of("value", value, "padding", "x".repeat(padding))));
            outbox.add(m);
            recorded.add(m);
        }

        @Override
        public List<OutboxMessage> recordedEvents() {
            return List.copyOf(recorded);
        }

        @Override
        public void recordedEventsStored() {
            recorded.clear();
        }
    }

    static KafkaTemplate<String, String> kafka(String bootstrap, Map<String, Object> extra) {
        Map<String, Object> config = new HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000));
        config.putAll(extra);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config, new StringSerializer(),
                new StringSerializer()));
    }

    static String newTopic() {
        return "outbox-test-" + UUID.randomUUID();
    }

    /** Every record on {@code topic}, read from the start until {@code expected} arrived or 20 s passed. */
    static List<ConsumerRecord<String, String>> read(String topic, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, INFRA.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "outbox-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plusSeconds(20);
            while (found.size() < expected && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(found::add);
            }
            // a little longer: a duplicate would arrive right behind
            consumer.poll(Duration.ofMillis(500)).forEach(found::add);
        }
        return found;
    }

    /** A clock a test moves by hand, so backoff is tested without waiting. */
    static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

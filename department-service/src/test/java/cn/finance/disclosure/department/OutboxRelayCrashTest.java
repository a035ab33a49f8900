package cn.finance.disclosure.department;

import cn.finance.disclosure.events.EventJson;
import cn.finance.disclosure.events.Topics;
import cn.finance.disclosure.stack.EmbeddedInfrastructure;
import cn.finance.disclosure.support.outbox.OutboxRelay;
import cn.finance.disclosure.testing.Http;
import cn.finance.disclosure.testing.TestIssuer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox survives a relay that dies between the write and the publish: the event waits in the aggregate's own
 * document and the next relay (after a restart) publishes it. A relay that dies after the broker acknowledged the
 * message but before removing it leaves its claim naming that message; the next relay finds it on the topic (read
 * with this service's own Kafka settings) and removes it without publishing it again: never lost, never twice.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "finance.outbox.relay-enabled=false")
@ActiveProfiles("test")
class OutboxRelayCrashTest {

    static final TestIssuer ISSUER = TestIssuer.start();
    static final EmbeddedInfrastructure INFRA = EmbeddedInfrastructure.shared();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> INFRA.mongoUri("departments-relay-crash"));
        registry.add("spring.kafka.bootstrap-servers", INFRA::kafkaBootstrapServers);
        registry.add("finance.security.issuer-uri", ISSUER::issuer);
        registry.add("finance.security.jwk-set-uri", ISSUER::jwkSetUri);
    }

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    OutboxRelay relayThatNeverRan;

    /** Registers a department through the API; returns its stored document, its event still in the outbox. */
    Document registeredWhileNoRelayRan(String code) {
        Http http = new Http("http://127.0.0.1:" + port);
        Http.Response r = http.post("/api/v1/departments", ISSUER.bearer("admin", "bureau-admin", null),
                EventJson.write(Map.of("code", code, "name", "单位", "shortName", "单位", "district", "区", "kind", "ADMINISTRATIVE")));
        assertThat(r.status()).isEqualTo(201);
        assertThat(relayThatNeverRan.isRunning()).isFalse();
        Document stored = mongo.getCollection("departments").find(new Document("_id", code)).first();
        assertThat(stored.getList("outbox", Document.class)).hasSize(1);
        return stored;
    }

    @Test
    void anEventWrittenBeforeACrashIsPublishedByTheNextRelay() {
        String code = "4071" + (10 + (int) (Math.random() * 89));
        // the process "died" here: the change and its event are stored, nothing was published
        Document stored = registeredWhileNoRelayRan(code);
        String eventId = stored.getList("outbox", Document.class).get(0).getString("eventId");
        assertThat(eventIdsOnKafka(code, Duration.ofSeconds(3))).isEmpty();

        OutboxRelay restarted = new OutboxRelay(mongo, kafka, List.of("departments"), Duration.ofSeconds(1));
        assertThat(restarted.drainOnce()).isEqualTo(1);
        assertThat(mongo.getCollection("departments").find(new Document("_id", code)).first()
                .getList("outbox", Document.class)).isEmpty();
        assertThat(restarted.drainOnce()).isZero();

        assertThat(eventIdsOnKafka(code, Duration.ofSeconds(10))).containsExactly(eventId);
    }

    @Test
    void anEventAcknowledgedBeforeACrashIsNotPublishedAgainByTheNextRelay() {
        String code = "4072" + (10 + (int) (Math.random() * 89));
        Document stored = registeredWhileNoRelayRan(code);
        Document message = stored.getList("outbox", Document.class).get(0);
        String eventId = message.getString("eventId");
        // a relay killed after the broker acknowledged the message, before removing it, left this behind: the
        // record on the topic (as the relay sends it, with its ce_id header) and its claim, expired, naming it
        Instant sentAt = Instant.now();
        mongo.getCollection("departments").updateOne(new Document("_id", code), new Document("$set",
                new Document("relayClaim", new Document("owner", "department-service@crashed:8081")
                        .append("until", Date.from(sentAt.minusSeconds(1)))
                        .append("sending", new Document("eventId", eventId).append("at", Date.from(sentAt))))));
        kafka.send(new ProducerRecord<>(Topics.DEPARTMENT_EVENTS, null, message.getString("key"),
                message.getString("envelope"), List.of(new RecordHeader("ce_id",
                eventId.getBytes(StandardCharsets.UTF_8))))).join();

        OutboxRelay next = new OutboxRelay(mongo, kafka, List.of("departments"), Duration.ofSeconds(1));
        assertThat(next.drainOnce()).as("nothing published").isZero();

        assertThat(next.foundOnTopicCount()).isEqualTo(1);
        assertThat(mongo.getCollection("departments").find(new Document("_id", code)).first()
                .getList("outbox", Document.class)).isEmpty();
        assertThat(eventIdsOnKafka(code, Duration.ofSeconds(10))).containsExactly(eventId);
    }

    List<String> eventIdsOnKafka(String key, Duration wait) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, INFRA.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "crash-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> ids = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.DEPARTMENT_EVENTS));
            Instant deadline = Instant.now().plus(wait);
            while (Instant.now().isBefore(deadline) && ids.size() < 2) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(300))) {
                    if (key.equals(record.key())) {
                        ids.add(EventJson.readEnvelope(record.value()).id());
                    }
                }
            }
        }
        return ids;
    }
}

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

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox survives a relay that dies between the write and the publish: the event waits in the aggregate's own
 * document and the next relay (after a restart) publishes it. A relay that dies after publishing but before removing
 * the message publishes it again, with the same event id, which consumers deduplicate: at least once, never lost.
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

    @Test
    void anEventWrittenBeforeACrashIsPublishedByTheNextRelay() {
        String code = "4071" + (10 + (int) (Math.random() * 89));
        Http http = new Http("http://127.0.0.1:" + port);
        Http.Response r = http.post("/api/v1/departments", ISSUER.bearer("admin", "bureau-admin", null),
                EventJson.write(Map.of("code", code, "name", "单位", "shortName", "单位", "district", "区", "kind", "ADMINISTRATIVE")));
        assertThat(r.status()).isEqualTo(201);
        assertThat(relayThatNeverRan.isRunning()).isFalse();

        // the process "died" here: the change and its event are stored, nothing was published
        Document stored = mongo.getCollection("departments").find(new Document("_id", code)).first();
        assertThat(stored.getList("outbox", Document.class)).hasSize(1);
        String eventId = stored.getList("outbox", Document.class).get(0).getString("eventId");
        assertThat(eventIdsOnKafka(code, Duration.ofSeconds(3))).isEmpty();

        // a relay that crashed after the broker acknowledged, before removing the message, had done this:
        stored.getList("outbox", Document.class).forEach(m -> kafka.send(Topics.DEPARTMENT_EVENTS,
                m.getString("key"), m.getString("envelope")).join());

        // the restarted relay finds the message still waiting and publishes it (again)
        OutboxRelay restarted = new OutboxRelay(mongo, kafka, List.of("departments"), Duration.ofSeconds(1));
        assertThat(restarted.drainOnce()).isEqualTo(1);
        assertThat(mongo.getCollection("departments").find(new Document("_id", code)).first()
                .getList("outbox", Document.class)).isEmpty();
        assertThat(restarted.drainOnce()).isZero();

        List<String> ids = eventIdsOnKafka(code, Duration.ofSeconds(20));
        assertThat(ids).containsOnly(eventId).hasSize(2);
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

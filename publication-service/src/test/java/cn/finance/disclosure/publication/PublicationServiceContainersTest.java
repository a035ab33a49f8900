package cn.finance.disclosure.publication;

import cn.finance.disclosure.events.Actor;
import cn.finance.disclosure.events.EventJson;
import cn.finance.disclosure.events.EventTypes;
import cn.finance.disclosure.events.Topics;
import cn.finance.disclosure.testing.Http;
import cn.finance.disclosure.testing.QueryPlans;
import cn.finance.disclosure.testing.TestIssuer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import tools.jackson.databind.JsonNode;

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
 * The publication service on real MongoDB 8 and Kafka 4 containers (skipped where no Docker engine runs): events in,
 * a draft confirmed and released, the public version read back, its event published once; and every query the service
 * runs is served by an index (checked with {@code explain}, which the MongoDB-wire server cannot answer truthfully).
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PublicationServiceContainersTest {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0.17");

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.2");

    static final TestIssuer ISSUER = TestIssuer.start();
    static EventProducer events;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO.getReplicaSetUrl("publications-containers"));
        registry.add("spring.kafka.bootstrap-servers", KAFKA::getBootstrapServers);
        registry.add("spring.kafka.consumer.group-id", () -> "publication-containers");
        registry.add("finance.security.issuer-uri", ISSUER::issuer);
        registry.add("finance.security.jwk-set-uri", ISSUER::jwkSetUri);
        registry.add("finance.outbox.poll-interval", () -> "200ms");
    }

    @AfterAll
    static void close() {
        if (events != null) {
            events.close();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    EventProducer events() {
        if (events == null) {
            events = new EventProducer(KAFKA.getBootstrapServers(), "publication-containers");
        }
        return events;
    }

    /** The identity a token for {@code username} carries (TestIssuer derives the subject from the name). */
    static Actor actor(String username) {
        return new Actor(ISSUER.issuer(), UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString(),
                username);
    }

    Http http() {
        return new Http("http://127.0.0.1:" + port);
    }

    JsonNode await(String id, String status) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            Http.Response r = http().get("/api/v1/publications/" + id,
                    ISSUER.bearer("bureau-publisher", "bureau-publisher", null));
            if (r.status() == 200 && EventJson.MAPPER.readTree(r.body()).get("status").stringValue().equals(status)) {
                return EventJson.MAPPER.readTree(r.body());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError(id + " did not become " + status);
    }

    @Test
    void givenTheEventsOfADepartment_whenItsDraftIsConfirmedAndReleased_thenThePublicVersionAndOneEvent() {
        String code = "48" + String.format("%04d", (int) (Math.random() * 10_000));
        String id = code + "-2024";
        events().registered(code, Seed.name());
        events().profile(code, Seed.name(), 0, Seed.profile());
        events().approved(code, 1, actor("clerk-of-" + code),
                actor("bureau-reviewer"), Instant.now(), Seed.budget(code));
        String hash = await(id, "DRAFT").get("draft").get("contentHash").stringValue();

        Http.Response confirmed = http().post("/api/v1/publications/" + id + "/confirmation",
                ISSUER.bearer("head-of-" + code, "department-head", code), EventJson.write(Map.of("contentHash", hash)));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        Http.Response released = http().post("/api/v1/publications/" + id + "/release",
                ISSUER.bearer("bureau-publisher", "bureau-publisher", null),
                EventJson.write(Map.of("contentHash", hash)));
        assertThat(released.status()).as(released.body()).isEqualTo(201);

        Http.Response version = http().get("/public/v1/publications/" + code + "/2024/versions/1", null);
        assertThat(version.status()).isEqualTo(200);
        assertThat(version.header("ETag")).contains(hash);
        List<String> types = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "containers-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.PUBLICATION_EVENTS));
            Instant deadline = Instant.now().plusSeconds(30);
            while (types.isEmpty() && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.key().equals(code + "/2024")) {
                        types.add(EventJson.readEnvelope(r.value()).type());
                    }
                }
            }
            consumer.poll(Duration.ofSeconds(1)).forEach(r -> {
                if (r.key().equals(code + "/2024")) {
                    types.add(EventJson.readEnvelope(r.value()).type());
                }
            });
        }
        assertThat(types).containsExactly(EventTypes.PUBLICATION_RELEASED);
    }

    @Test
    void everyQueryOfTheServiceUsesAnIndex() {
        await(seeded(), "DRAFT");
        Document none = new Document();
        // staff list: own department, by year, by status, overdue
        QueryPlans.assertUsesAnIndex(mongo.getDb(), "publications", new Document("departmentCode", "405001"),
                new Document("fiscalYear", -1).append("departmentCode", 1));
        QueryPlans.assertUsesAnIndex(mongo.getDb(), "publications", new Document("fiscalYear", 2024),
                new Document("fiscalYear", -1).append("departmentCode", 1));
        QueryPlans.assertUsesAnIndex(mongo.getDb(), "publications", none,
                new Document("fiscalYear", -1).append("departmentCode", 1));
        QueryPlans.assertUsesAnIndex(mongo.getDb(), "publications", new Document("status", "DRAFT"),
                new Document("fiscalYear", -1).append("departmentCode", 1));
        QueryPlans.assertUsesAnIndex(mongo.getDb(), "publications", new Document("$and", List.of(
                        new Document("status", new Document("$in", List.of("WAITING_FOR_PROFILE", "DRAFT", "CONFIRMED"))),
                        new Document("dueDate", new Document("$lt", new Date())))),
                new Document("dueDate", 1).append("_id", 1));
        // public catalog: released ones by year, in department order
        QueryPlans.assertUsesAnIndex(mongo.getDb(), "publications", new Document("$and", List.of(
                        new Document("currentVersion", new Document("$ne", null)), new Document("fiscalYear", 2024))),
                new Document("fiscalYear", -1).append("departmentCode", 1));
        // outbox relay and feed drainer scans
        QueryPlans.assertUsesAnIndex(mongo.getDb(), "publications",
                new Document("outbox.eventId", new Document("$exists", true)), null);
        QueryPlans.assertUsesAnIndex(mongo.getDb(), "publications",
                new Document("outboxFailed.eventId", new Document("$exists", true)), null);
        QueryPlans.assertUsesAnIndex(mongo.getDb(), "publications",
                new Document("feedPending.sourceId", new Document("$exists", true)), null);
        // the feed cursor and its duplicate check
        QueryPlans.assertUsesAnIndex(mongo.getDb(), "feed_entries", new Document("_id", new Document("$gt", 0L)),
                new Document("_id", 1));
        QueryPlans.assertUsesAnIndex(mongo.getDb(), "feed_entries", new Document("sourceId", "x"), null);
        // the latest approval of a department's year
        QueryPlans.assertUsesAnIndex(mongo.getDb(), "approved_budgets",
                new Document("departmentCode", "405001").append("fiscalYear", 2024), new Document("revision", -1));
        // dead letters: the list, the replay of those not replayed, one by position
        QueryPlans.assertUsesAnIndex(mongo.getDb(), "dead_letters", none, new Document("parkedAt", 1).append("_id", 1));
        QueryPlans.assertUsesAnIndex(mongo.getDb(), "dead_letters", new Document("replayedAt", new Document("$exists", false)),
                new Document("parkedAt", 1).append("_id", 1));
        QueryPlans.assertUsesAnIndex(mongo.getDb(), "dead_letters", new Document("topic", Topics.BUDGET_EVENTS)
                .append("partition", 0).append("offset", 1L), null);
    }

    /** A department taken to a draft, so the collections exist with their indexes and some data. */
    String seeded() {
        String code = "49" + String.format("%04d", (int) (Math.random() * 10_000));
        events().registered(code, Seed.name());
        events().profile(code, Seed.name(), 0, Seed.profile());
        events().approved(code, 1, actor("clerk-of-" + code),
                actor("bureau-reviewer"), Instant.now(), Seed.budget(code));
        return code + "-2024";
    }
}

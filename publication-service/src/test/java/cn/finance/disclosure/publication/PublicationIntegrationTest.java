package cn.finance.disclosure.publication;

import cn.finance.disclosure.events.Actor;
import cn.finance.disclosure.events.EventJson;
import cn.finance.disclosure.stack.EmbeddedInfrastructure;
import cn.finance.disclosure.testing.Http;
import cn.finance.disclosure.testing.TestIssuer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The publication service over the real Kafka broker and the MongoDB-wire server, called over HTTP with real signed
 * tokens. Every integration test class extends this one, so they share one Spring context (same configuration, same
 * dynamic properties) and one consumer group. Each test works on department codes of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class PublicationIntegrationTest {

    static final TestIssuer ISSUER = TestIssuer.start();
    static final EmbeddedInfrastructure INFRA = EmbeddedInfrastructure.shared();
    static final String GROUP = "publication-it";
    static final EventProducer EVENTS = new EventProducer(INFRA.kafkaBootstrapServers(), GROUP);
    static final int YEAR = 2024;
    private static final AtomicInteger CODES = new AtomicInteger(ThreadLocalRandom.current().nextInt(100, 900) * 100);

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            EVENTS.close();
            ISSUER.close();
        }, "publication-it-shutdown"));
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> INFRA.mongoUri("publications-it"));
        registry.add("spring.kafka.bootstrap-servers", INFRA::kafkaBootstrapServers);
        registry.add("spring.kafka.consumer.group-id", () -> GROUP);
        registry.add("finance.security.issuer-uri", ISSUER::issuer);
        registry.add("finance.security.jwk-set-uri", ISSUER::jwkSetUri);
        registry.add("finance.outbox.poll-interval", () -> "200ms");
    }

    @LocalServerPort
    int port;

    Http http() {
        return new Http("http://127.0.0.1:" + port);
    }

    /** A department code no other test uses. */
    static String newCode() {
        return "47" + String.format("%04d", CODES.incrementAndGet() % 10_000);
    }

    static String id(String code) {
        return code + "-" + YEAR;
    }

    // The people. Subjects follow TestIssuer: a name gives the same subject in every token.
    static final String PUBLISHER = ISSUER.bearer("bureau-publisher", "bureau-publisher", null);
    static final String REVIEWER = ISSUER.bearer("bureau-reviewer", "bureau-reviewer", null);
    static final String ADMIN = ISSUER.bearer("bureau-admin", "bureau-admin", null);

    static String head(String code) {
        return ISSUER.bearer("head-of-" + code, "department-head", code);
    }

    static String clerk(String code) {
        return ISSUER.bearer("clerk-of-" + code, "department-clerk", code);
    }

    /** The identity a token for {@code username} carries, as the budget event would name that person. */
    static Actor actor(String username) {
        return new Actor(ISSUER.issuer(), subject(username), username);
    }

    static String subject(String username) {
        return UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString();
    }

    static final Actor APPROVER = actor("bureau-reviewer");

    static Actor submitter(String code) {
        return actor("clerk-of-" + code);
    }

    static JsonNode json(Http.Response response) {
        return EventJson.MAPPER.readTree(response.body());
    }

    static String body(Object value) {
        return EventJson.write(value);
    }

    static String hashBody(String contentHash) {
        return body(Map.of("contentHash", contentHash));
    }

    static String reasonBody(String contentHash, String reason) {
        return body(Map.of("contentHash", contentHash, "reason", reason));
    }

    /** Polls the staff view of a disclosure until {@code condition} holds (30 s at most). */
    JsonNode awaitDisclosure(String code, Predicate<JsonNode> condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        Http.Response last = null;
        while (Instant.now().isBefore(deadline)) {
            last = http().get("/api/v1/publications/" + id(code), PUBLISHER);
            if (last.status() == 200 && condition.test(json(last))) {
                return json(last);
            }
            sleep(100);
        }
        throw new AssertionError("disclosure " + id(code) + " did not get there within 30 s; last: " + last);
    }

    JsonNode awaitStatus(String code, String status) {
        return awaitDisclosure(code, d -> d.get("status").stringValue().equals(status));
    }

    /** Department, profile and an approved budget on the broker, then the draft this service made of them. */
    JsonNode seedDraft(String code) {
        EVENTS.registered(code, Seed.name());
        EVENTS.profile(code, Seed.name(), 0, Seed.profile());
        EVENTS.approved(code, 1, submitter(code), APPROVER, Instant.now(), Seed.budget(code));
        return awaitStatus(code, "DRAFT");
    }

    /** The seed taken all the way: drafted, confirmed by the unit head, released by the publisher. */
    JsonNode seedReleased(String code) {
        String hash = seedDraft(code).get("draft").get("contentHash").stringValue();
        Http.Response confirmed = http().post("/api/v1/publications/" + id(code) + "/confirmation", head(code),
                hashBody(hash));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        Http.Response released = http().post("/api/v1/publications/" + id(code) + "/release", PUBLISHER,
                hashBody(hash));
        assertThat(released.status()).as(released.body()).isEqualTo(201);
        return json(released);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

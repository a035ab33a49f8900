package cn.finance.disclosure.budget;

import cn.finance.disclosure.events.EventEnvelope;
import cn.finance.disclosure.events.EventJson;
import cn.finance.disclosure.events.Topics;
import cn.finance.disclosure.testing.Http;
import cn.finance.disclosure.testing.TestIssuer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the budget service's Spring tests share: the service on a random port called over real HTTP with real signed
 * tokens, the seed budget, fresh department codes (tests never share a budget), the stored documents and the events
 * on Kafka.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class BudgetServiceTestSupport {

    static final TestIssuer ISSUER = TestIssuer.start();
    static final String SEED_CODE = "405001";
    private static final AtomicInteger NEXT_CODE =
            new AtomicInteger(ThreadLocalRandom.current().nextInt(1_000_000, 8_000_000));
    private static final JsonNode SEED = loadSeed();
    /** Refuses duplicate members, which a problem's own properties could otherwise produce unnoticed. */
    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    /** Overridden where the service runs on other infrastructure (containers). */
    String kafkaBootstrapServers() {
        return EmbeddedInfrastructureInitializer.INFRA.kafkaBootstrapServers();
    }

    Http http() {
        return new Http("http://127.0.0.1:" + port);
    }

    /** An 8-digit department code no other test uses. */
    static String freshCode() {
        return "4" + NEXT_CODE.getAndIncrement();
    }

    static String clerk(String code) {
        return ISSUER.bearer("clerk-" + code, "department-clerk", code);
    }

    static String head(String code) {
        return ISSUER.bearer("head-" + code, "department-head", code);
    }

    static String reviewer() {
        return ISSUER.bearer("bureau-reviewer", "bureau-reviewer", null);
    }

    static String publisher() {
        return ISSUER.bearer("bureau-publisher", "bureau-publisher", null);
    }

    static String admin() {
        return ISSUER.bearer("bureau-admin", "bureau-admin", null);
    }

    /** The fixture's {@code budget} object, untouched. */
    static ObjectNode seed() {
        return (ObjectNode) SEED.deepCopy();
    }

    /** The seed budget for another department. */
    static ObjectNode seedFor(String code) {
        return seedFor(code, t -> { });
    }

    static ObjectNode seedFor(String code, Consumer<ObjectNode> edit) {
        ObjectNode tree = seed();
        tree.put("departmentCode", code);
        edit.accept(tree);
        return tree;
    }

    /** The seed moved to another fiscal year, with its prior year and asset date moved along. */
    static Consumer<ObjectNode> inYear(int year) {
        return t -> {
            t.put("fiscalYear", year);
            ((ObjectNode) t.get("priorYear")).put("fiscalYear", year - 1);
            ((ObjectNode) t.get("assets")).put("asOf", (year - 1) + "-12");
        };
    }

    static String json(JsonNode tree) {
        return EventJson.write(tree);
    }

    static JsonNode body(Http.Response response) {
        return EventJson.MAPPER.readTree(response.body());
    }

    /** Creates the budget as the department's clerk and returns its id. */
    String create(ObjectNode submission) {
        String code = submission.get("departmentCode").asString();
        Http.Response created = http().post("/api/v1/budgets", clerk(code), json(submission));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return body(created).get("id").asString();
    }

    static String acknowledgingTheSeedWarning() {
        return "{\"acknowledgements\":[{\"ruleId\":\"V06-REVENUE-EXPENDITURE-DELTA\",\"path\":\"priorYear\","
                + "\"explanation\":\"2023年支出中含使用上年结转资金16万元，收入预算未列示该结转\"}]}";
    }

    /** Creates and submits the seed budget of {@code code}, acknowledging its one warning. */
    String submitted(String code) {
        String id = create(seedFor(code));
        Http.Response submitted = http().post("/api/v1/budgets/" + id + "/submission", clerk(code),
                acknowledgingTheSeedWarning());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        return id;
    }

    String approved(String code) {
        String id = submitted(code);
        Http.Response approved = http().post("/api/v1/budgets/" + id + "/approval", reviewer(), null);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return id;
    }

    /** The stored documents of a department's budgets, without the outbox (and claim) the relay drains concurrently. */
    List<Document> stored(String code) {
        List<Document> documents = mongo.getCollection("budgets").find(new Document("departmentCode", code))
                .into(new ArrayList<>());
        // the relay's claim comes and goes with its passes too
        documents.forEach(d -> {
            d.remove("outbox");
            d.remove("relayClaim");
        });
        return documents;
    }

    static void assertProblem(Http.Response r, int status, String... mentions) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).as(r.body()).startsWith("application/problem+json");
        assertThat(STRICT.readTree(r.body()).get("status").asInt()).as("one status member").isEqualTo(status);
        if (mentions.length > 0) {
            assertThat(r.body()).contains(mentions);
        }
    }

    /** Events on the budget topic with this key (department code / fiscal year), read from the beginning. */
    List<EventEnvelope> eventsAbout(String key, int atLeast) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "budget-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<EventEnvelope> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.BUDGET_EVENTS));
            Instant deadline = Instant.now().plusSeconds(30);
            while (found.size() < atLeast && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        found.add(EventJson.readEnvelope(record.value()));
                    }
                }
            }
        }
        return found;
    }

    private static JsonNode loadSeed() {
        try (InputStream in = BudgetServiceTestSupport.class.getResourceAsStream("/seed/qijiang-fgu-2024.facts.json")) {
            return EventJson.MAPPER.readTree(in).get("budget");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

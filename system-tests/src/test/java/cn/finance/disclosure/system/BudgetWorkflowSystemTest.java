package cn.finance.disclosure.system;

import cn.finance.disclosure.stack.DemoLoader;
import cn.finance.disclosure.stack.StaffClient;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The budget workflow on the whole running stack, with the demo users' real Keycloak tokens through the gateway:
 * fgu-clerk's seed budget for 405001/2024 validated with exactly the seed's two findings, submitted with its warning
 * explained and approved by bureau-reviewer; other-clerk can neither see nor change it; the approval event on Kafka
 * carries every amount of the fixture exactly; and nobody approves a budget they submitted.
 *
 * <p>The demo loader may already have driven the seed budget through the workflow: each step is taken only if the
 * budget has not passed it yet, and the assertions hold for whichever approved revision exists.
 */
class BudgetWorkflowSystemTest {

    private static final Pattern AMOUNT = Pattern.compile("(0|[1-9][0-9]*)\\.[0-9]{2}");
    private static final String WARNING_EXPLAINED = "{\"acknowledgements\":[{\"ruleId\":\"V06-REVENUE-EXPENDITURE-DELTA\","
            + "\"path\":\"priorYear\",\"explanation\":\"2023年支出中含使用上年结转资金16万元，收入预算未列示该结转\"}]}";

    final StaffClient client = RunningStack.client();

    @Test
    void theSeedBudgetIsValidatedSubmittedAndApprovedAndItsApprovalEventCarriesEveryAmountExactly() {
        JsonNode seed = DemoLoader.seedFacts().get("budget");
        String id = seedBudget(seed);

        StaffClient.Answer validation = client.post("/api/v1/budgets/" + id + "/validation", "fgu-clerk", null);
        assertThat(validation.status()).as(validation.body()).isEqualTo(200);
        assertThat(validation.json().get("findings"))
                .extracting(f -> f.get("severity").asString() + " " + f.get("ruleId").asString() + "@"
                        + f.get("path").asString())
                .containsExactly("WARNING V06-REVENUE-EXPENDITURE-DELTA@priorYear",
                        "INFO V03-ROUNDING-FUNCTION-CLASSES@expenditureLines");

        otherClerkNeitherSeesNorChanges(id, seed);

        JsonNode budget = client.get("/api/v1/budgets/" + id, "fgu-clerk").json();
        String status = budget.get("status").asString();
        if (status.equals("DRAFT") || status.equals("RETURNED")) {
            StaffClient.Answer unexplained = client.post("/api/v1/budgets/" + id + "/submission", "fgu-clerk", null);
            assertThat(unexplained.status()).as(unexplained.body()).isEqualTo(422);
            assertThat(unexplained.body()).contains("V06-REVENUE-EXPENDITURE-DELTA");
            StaffClient.Answer submitted = client.post("/api/v1/budgets/" + id + "/submission", "fgu-clerk",
                    WARNING_EXPLAINED);
            assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
            status = submitted.json().get("status").asString();
        }
        if (status.equals("SUBMITTED")) {
            StaffClient.Answer byClerk = client.post("/api/v1/budgets/" + id + "/approval", "fgu-clerk", null);
            assertThat(byClerk.status()).isEqualTo(403);
            assertThat(byClerk.header("Content-Type")).startsWith("application/problem+json");
            StaffClient.Answer approved = client.post("/api/v1/budgets/" + id + "/approval", "bureau-reviewer", null);
            assertThat(approved.status()).as(approved.body()).isEqualTo(200);
            assertThat(approved.json().get("approvedBy").asString()).isEqualTo("bureau-reviewer");
        }

        JsonNode approved = latestApproved();
        assertThat(approved.get("submission")).isEqualTo(seed);
        JsonNode event = approvalEvent(approved.get("id").asString());
        JsonNode payload = event.get("data");
        assertThat(event.get("type").asString()).isEqualTo("budget.approved.v2");
        assertThat(payload.get("departmentCode").asString()).isEqualTo("405001");
        assertThat(payload.get("fiscalYear").asInt()).isEqualTo(2024);
        assertThat(payload.get("revision").asInt()).isEqualTo(approved.get("revision").asInt());
        assertThat(payload.get("approvedAt").asString()).isEqualTo(approved.get("approvedAt").asString());
        assertThat(payload.get("approvedBy").get("username").asString()).isEqualTo(approved.get("approvedBy").asString());
        assertThat(payload.get("submittedBy").get("username").asString())
                .isEqualTo(approved.get("submittedBy").asString());
        Map<String, String> amounts = amounts(seed, "");
        assertThat(amounts).hasSizeGreaterThan(50);
        JsonNode carried = payload.get("submission");
        amounts.forEach((path, amount) -> assertThat(at(carried, path).asString()).as(path).isEqualTo(amount));
        assertThat(carried).isEqualTo(seed);
    }

    @Test
    void nobodyApprovesABudgetTheySubmittedEvenHoldingTheReviewerRole() throws Exception {
        String code = "4069" + ThreadLocalRandom.current().nextInt(1000, 10_000);
        String person = "dual-" + code;
        StaffClient.Answer registered = client.post("/api/v1/departments", "bureau-admin", Map.of("code", code,
                "name", "綦江区职责分离测试单位", "shortName", "测试单位", "district", "重庆市綦江区", "kind", "ADMINISTRATIVE"));
        assertThat(registered.status()).as(registered.body()).isIn(201, 409);
        new KeycloakUsers(RunningStack.get().settings().keycloakPort())
                .ensureUser(person, code, "department-clerk", "bureau-reviewer");
        ObjectNode budget = (ObjectNode) DemoLoader.seedFacts().get("budget");
        budget.put("departmentCode", code);

        StaffClient.Answer created = client.post("/api/v1/budgets", person, budget);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(client.post("/api/v1/budgets/" + id + "/submission", person, WARNING_EXPLAINED).status())
                .isEqualTo(200);

        StaffClient.Answer own = client.post("/api/v1/budgets/" + id + "/approval", person, null);
        assertThat(own.status()).as(own.body()).isEqualTo(403);
        assertThat(own.header("Content-Type")).startsWith("application/problem+json");
        assertThat(own.json().get("type").asString()).isEqualTo("urn:finance:problem:own-submission");
        assertThat(own.json().get("detail").asString()).contains("您本人", "其他审核人员");
        assertThat(client.get("/api/v1/budgets/" + id, "bureau-reviewer").json().get("status").asString())
                .isEqualTo("SUBMITTED");

        StaffClient.Answer byAnother = client.post("/api/v1/budgets/" + id + "/approval", "bureau-reviewer", null);
        assertThat(byAnother.status()).as(byAnother.body()).isEqualTo(200);
    }

    /** The seed budget's current revision: created by fgu-clerk unless it already exists. */
    private String seedBudget(JsonNode seed) {
        JsonNode existing = client.get("/api/v1/budgets?departmentCode=405001&fiscalYear=2024", "fgu-clerk").json();
        if (existing.get("total").asLong() > 0) {
            return existing.get("items").get(0).get("id").asString(); // highest revision first
        }
        StaffClient.Answer created = client.post("/api/v1/budgets", "fgu-clerk", seed);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("submission")).isEqualTo(seed);
        return created.json().get("id").asString();
    }

    private void otherClerkNeitherSeesNorChanges(String id, JsonNode seed) {
        StaffClient.Answer read = client.get("/api/v1/budgets/" + id, "other-clerk");
        assertThat(read.status()).isEqualTo(404);
        assertThat(read.body()).doesNotContain("2766200.00");
        assertThat(client.get("/api/v1/budgets?departmentCode=405001", "other-clerk").json().get("total").asLong())
                .isZero();
        JsonNode before = client.get("/api/v1/budgets/" + id, "fgu-clerk").json();
        ObjectNode changed = (ObjectNode) seed.deepCopy();
        changed.put("basicExpenditureUse", "他人篡改");
        assertThat(client.put("/api/v1/budgets/" + id, "other-clerk", changed, "If-Match",
                "\"" + before.get("version").asLong() + "\"").status()).isEqualTo(404);
        assertThat(client.post("/api/v1/budgets/" + id + "/submission", "other-clerk", WARNING_EXPLAINED).status())
                .isEqualTo(404);
        assertThat(client.post("/api/v1/budgets/" + id + "/validation", "other-clerk", null).status()).isEqualTo(404);
        assertThat(client.post("/api/v1/budgets", "other-clerk", seed).status()).isEqualTo(403);
        JsonNode after = client.get("/api/v1/budgets/" + id, "fgu-clerk").json();
        assertThat(after.get("version")).isEqualTo(before.get("version"));
        assertThat(after.get("submission")).isEqualTo(before.get("submission"));
    }

    private JsonNode latestApproved() {
        JsonNode approved = client.get("/api/v1/budgets?departmentCode=405001&fiscalYear=2024&status=APPROVED",
                "bureau-reviewer").json();
        assertThat(approved.get("total").asLong()).isPositive();
        String id = approved.get("items").get(0).get("id").asString();
        return client.get("/api/v1/budgets/" + id, "bureau-reviewer").json();
    }

    /** The budget.approved.v2 event of this budget revision, read from the beginning of the budget topic. */
    private JsonNode approvalEvent(String budgetId) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + RunningStack.get().settings().kafkaPort(),
                ConsumerConfig.GROUP_ID_CONFIG, "budget-system-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of("finance.budget.events"));
            Instant deadline = Instant.now().plusSeconds(60);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (!"405001/2024".equals(record.key())) {
                        continue;
                    }
                    JsonNode event = StaffClient.JSON.readTree(record.value());
                    if (event.get("type").asString().equals("budget.approved.v2")
                            && event.get("data").get("budgetId").asString().equals(budgetId)) {
                        return event;
                    }
                }
            }
        }
        throw new AssertionError("no budget.approved.v2 for " + budgetId + " on finance.budget.events within 60 s");
    }

    /** Every amount of the fixture (a decimal string with two places) by its dotted path. */
    private static Map<String, String> amounts(JsonNode node, String path) {
        Map<String, String> found = new LinkedHashMap<>();
        if (node.isObject()) {
            node.properties().forEach(e -> found.putAll(amounts(e.getValue(),
                    path.isEmpty() ? e.getKey() : path + "." + e.getKey())));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                found.putAll(amounts(node.get(i), path + "[" + i + "]"));
            }
        } else if (node.isString() && AMOUNT.matcher(node.asString()).matches()) {
            found.put(path, node.asString());
        }
        return found;
    }

    private static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String segment : path.split("\\.")) {
            int bracket = segment.indexOf('[');
            node = node.get(bracket < 0 ? segment : segment.substring(0, bracket));
            if (bracket >= 0 && node != null) {
                node = node.get(Integer.parseInt(segment.substring(bracket + 1, segment.length() - 1)));
            }
            if (node == null) {
                throw new AssertionError("the event lacks " + path);
            }
        }
        return node;
    }
}

package cn.finance.disclosure.system;

import cn.finance.disclosure.stack.LocalStack;
import cn.finance.disclosure.stack.StaffClient;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static cn.finance.disclosure.system.StackScenarios.YEAR;
import static cn.finance.disclosure.system.StackScenarios.clerk;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults injected into the whole running stack, each judged on the final state: nothing lost (every approval made
 * during the fault reaches publication-service as a draft) and nothing doubled (one disclosure per department and
 * year, each approved revision held once, versions numbered once, every release-feed entry once by event id, the
 * budgets approved with their outboxes drained). Departments 432xxx are this class's own.
 *
 * <p>The faults: the Kafka broker stopped while budgets are approved (the events wait in the budgets' outboxes);
 * publication-service stopped while budgets are approved (it catches up from its committed offsets); its consumer
 * group rewound to the start of every topic (re-consuming everything, a parked poison message included, changes
 * nothing in its database, byte for byte); budget-service killed with SIGKILL right after an approval whose event it could not yet publish (the outbox
 * publishes it after the restart, once). Every process is running and ready again after each test, whatever happened.
 */
class FaultToleranceSystemTest {

    private static final Duration CATCH_UP = Duration.ofSeconds(120);
    /**
     * How long the broker stays down after the last approval: longer than the services' producer delivery timeout
     * (delivery.timeout.ms 30 s in their application.yml), so that an event held only in a producer's memory, not in an
     * outbox, would expire and be lost.
     */
    private static final Duration OUTAGE = Duration.ofSeconds(35);

    private final StackScenarios stack = new StackScenarios();

    /** Other test classes share the stack: every process running and ready, and nothing left in flight. */
    @AfterEach
    void restoreTheStack() {
        stack.restoreStack();
        stack.awaitQuiet(Duration.ofSeconds(90));
    }

    @Test
    void approvalsWhileTheKafkaBrokerIsDownAnswerAndReachPublicationServiceOnceItIsBack() throws Exception {
        Map<String, String> budgets = submittedBudgets("432101", "432102", "432103");

        Map<String, Integer> answers = new LinkedHashMap<>();
        Map<String, Long> waiting = new LinkedHashMap<>();
        stack.stack.stop(LocalStack.KAFKA);
        try {
            for (String budgetId : budgets.values()) {
                long t0 = System.nanoTime();
                StaffClient.Answer approved = stack.approve(budgetId);
                answers.put(budgetId, approved.status());
                log("%s approval answered %d in %d ms with the broker down", budgetId, approved.status(),
                        (System.nanoTime() - t0) / 1_000_000);
            }
            Instant lastApproval = Instant.now();
            for (var budget : budgets.entrySet()) {
                waiting.put(budget.getValue(), stack.approvalsWaitingInOutbox(budget.getValue()));
                assertThat(stack.count("publications", "approved_budgets",
                        new Document("departmentCode", budget.getKey()))).isZero();
            }
            // An outage longer than a producer's delivery timeout: what only a producer's buffer held expires.
            Duration held = Duration.between(lastApproval, Instant.now());
            if (held.compareTo(OUTAGE) < 0) {
                StackScenarios.sleep(OUTAGE.minus(held).toMillis());
            }
        } finally {
            log("Kafka broker back in %.1f s", stack.start(LocalStack.KAFKA));
        }

        assertCaughtUp("kafka-broker-stopped", budgets, 1);
        assertThat(answers).as("approvals with the broker down").allSatisfy((id, status) ->
                assertThat(status).as(id).isEqualTo(200));
        assertThat(waiting).as("approval events waiting in the budgets' outboxes while the broker was down")
                .allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
        for (String budgetId : budgets.values()) {
            assertThat(stack.approvalEventsOnTopic(budgetId)).as("budget.approved.v2 of %s on the topic", budgetId)
                    .isEqualTo(1);
        }
    }

    @Test
    void publicationServiceStoppedDuringApprovalsCatchesUpAfterItsRestart() throws Exception {
        Map<String, String> budgets = submittedBudgets("432201", "432202", "432203");

        List<String> ids = List.copyOf(budgets.values());
        stack.approveOk(ids.getFirst()); // its event may be in flight as the service goes down
        stack.stack.stop(LocalStack.PUBLICATION);
        try {
            ids.subList(1, ids.size()).forEach(stack::approveOk);
            StackScenarios.await(Duration.ofSeconds(60), () -> budgets.values().stream()
                            .mapToLong(stack::approvalsWaitingInOutbox).sum(), n -> n == 0,
                    "budget-service to publish the approvals while publication-service is down");
            List<String> approvedWhileDown = List.copyOf(budgets.keySet()).subList(1, budgets.size());
            assertThat(stack.count("publications", "approved_budgets", new Document("departmentCode",
                    new Document("$in", approvedWhileDown)))).as("nobody consumed them yet").isZero();
        } finally {
            log("publication-service back in %.1f s", stack.start(LocalStack.PUBLICATION));
        }

        assertCaughtUp("publication-service-stopped", budgets, 1);
    }

    @Test
    void rewindingPublicationServicesConsumerGroupToTheStartOfEveryTopicChangesNothing() throws Exception {
        String code = "432301";
        String r1 = stack.submittedBudget(code);
        stack.approveOk(r1);
        stack.releaseFirstVersion(code);
        StaffClient.Answer revised = stack.client.post("/api/v1/budgets/" + r1 + "/revisions", clerk(code), null);
        assertThat(revised.status()).as(revised.body()).isEqualTo(201);
        String r2 = revised.json().get("id").asString();
        ObjectNode changed = StackScenarios.seedBudget(code);
        changed.put("projectExpenditureUse", "主要用于产业工人队伍建设改革和职工技能提升等工作");
        assertThat(stack.client.put("/api/v1/budgets/" + r2, clerk(code), changed, "If-Match",
                revised.header("ETag")).status()).isEqualTo(200);
        stack.submit(code, r2);
        stack.approveOk(r2);
        stack.awaitDraft(code, 2, Duration.ofSeconds(60)); // a pending correction draft beside a released version
        // and a message that can never be processed, parked in dead_letters: replaying must not park it again
        String poisonKey = "432399";
        stack.publish(StackScenarios.DEPARTMENT_TOPIC, poisonKey, "{ not an event envelope");
        StackScenarios.await(Duration.ofSeconds(60), () -> stack.count("publications", "dead_letters",
                new Document("key", poisonKey)), n -> n == 1, "the poison message to be parked");
        stack.awaitQuiet(Duration.ofSeconds(90));

        Map<String, List<String>> before;
        long replayed;
        stack.stack.stop(LocalStack.PUBLICATION);
        try {
            before = publicationsDatabase();
            replayed = rewindPublicationGroup();
        } finally {
            log("publication-service back in %.1f s", stack.start(LocalStack.PUBLICATION));
        }
        Instant t0 = Instant.now();
        StackScenarios.await(CATCH_UP, stack::consumerLag, Map::isEmpty,
                "publication-service to re-consume every department and budget event");
        stack.awaitQuiet(Duration.ofSeconds(60));
        log("re-consumed %d records in %.1f s", replayed, Duration.between(t0, Instant.now()).toMillis() / 1e3);
        Map<String, List<String>> after = publicationsDatabase();

        long approvals = stack.events(StackScenarios.BUDGET_TOPIC).stream()
                .filter(e -> e.path("type").asString("").equals("budget.approved.v2")).count();
        long drafts = after.getOrDefault("publications.publications", List.of()).size();
        List<String> changes = differences(before, after);
        long lost = changes.stream().filter(c -> c.startsWith("gone")).count();
        List<String> duplicated = stack.duplicatedEffects();
        long doubled = changes.size() - lost + duplicated.size();
        report("consumer-group-rewound", approvals, drafts, lost, doubled);

        assertThat(replayed).as("records re-consumed").isPositive();
        assertThat(changes).as("the publications database after re-consuming %d records, against before", replayed)
                .isEmpty();
        assertThat(duplicated).isEmpty();
        assertThat(after.get("publications.feed_entries")).hasSameSizeAs(before.get("publications.feed_entries"));
        assertThat(stack.count("publications", "dead_letters", new Document("key", poisonKey))).isEqualTo(1);
        JsonNode disclosure = stack.disclosure(code);
        assertThat(disclosure.get("versions")).hasSize(1);
        assertThat(disclosure.get("status").asString()).isEqualTo("DRAFT");
        assertThat(disclosure.get("draft").get("kind").asString()).isEqualTo("correction");
        StackScenarios.verifyChain(stack.feed());
    }

    @Test
    void anApprovalWhoseServiceIsKilledBeforeItCouldPublishIsPublishedAfterTheRestartExactlyOnce() throws Exception {
        String code = "432401";
        String budgetId = stack.submittedBudget(code);
        stack.awaitProfileKnown(code);

        long waiting;
        StaffClient.Answer approved;
        stack.stack.stop(LocalStack.KAFKA);
        try {
            approved = stack.approve(budgetId);
            log("%s approval answered %d with the broker down", budgetId, approved.status());
            waiting = stack.approvalsWaitingInOutbox(budgetId);
            stack.stack.process(LocalStack.BUDGET).kill();
            assertThat(stack.stack.process(LocalStack.BUDGET).isAlive()).isFalse();
            log("budget-service killed (SIGKILL) with the approval of %s unpublished", budgetId);
        } finally {
            log("Kafka broker back in %.1f s", stack.start(LocalStack.KAFKA));
            log("budget-service back in %.1f s", stack.start(LocalStack.BUDGET));
        }

        assertCaughtUp("sigkill-after-approval", Map.of(code, budgetId), 1);
        assertThat(approved.status()).as("the approval's answer: %s", approved.body()).isEqualTo(200);
        assertThat(waiting).as("the approval event waiting in the budget's outbox when the service was killed")
                .isEqualTo(1);
        assertThat(stack.approvalEventsOnTopic(budgetId)).as("budget.approved.v2 of %s on the topic", budgetId)
                .isEqualTo(1);
    }

    // ---- scenario steps --------------------------------------------------------------------------------------------

    /** Departments with their profile known to publication-service, each with revision 1 submitted: code → id. */
    private Map<String, String> submittedBudgets(String... codes) throws Exception {
        Map<String, String> budgets = new LinkedHashMap<>();
        for (String code : codes) {
            budgets.put(code, stack.submittedBudget(code));
        }
        for (String code : codes) {
            stack.awaitProfileKnown(code);
        }
        return budgets;
    }

    /**
     * With publication-service stopped: its group's committed offsets set to the earliest offset of every partition of
     * the three topics. Returns how many records of the topics it consumes it will read again.
     */
    private long rewindPublicationGroup() {
        try (Admin admin = stack.admin()) {
            StackScenarios.await(Duration.ofSeconds(60), () -> {
                ConsumerGroupDescription group = StackScenarios.get(admin.describeConsumerGroups(
                        List.of(StackScenarios.PUBLICATION_GROUP)).all()).get(StackScenarios.PUBLICATION_GROUP);
                return group.members().size();
            }, members -> members == 0, "publication-service's consumer group to have no members");
            List<TopicPartition> partitions = StackScenarios.partitions(admin, StackScenarios.ALL_TOPICS);
            assertThat(partitions).extracting(TopicPartition::topic).containsAll(StackScenarios.ALL_TOPICS);
            Map<TopicPartition, Long> earliest = StackScenarios.offsets(admin, partitions, OffsetSpec.earliest());
            Map<TopicPartition, Long> latest = StackScenarios.offsets(admin, partitions, OffsetSpec.latest());
            Map<TopicPartition, OffsetAndMetadata> rewound = new LinkedHashMap<>();
            earliest.forEach((p, offset) -> rewound.put(p, new OffsetAndMetadata(offset)));
            StackScenarios.get(admin.alterConsumerGroupOffsets(StackScenarios.PUBLICATION_GROUP, rewound).all());
            Map<TopicPartition, OffsetAndMetadata> committed = StackScenarios.get(
                    admin.listConsumerGroupOffsets(StackScenarios.PUBLICATION_GROUP).partitionsToOffsetAndMetadata());
            for (TopicPartition p : partitions) {
                assertThat(committed.get(p).offset()).as("committed offset of %s", p).isEqualTo(earliest.get(p));
            }
            long replay = 0;
            for (TopicPartition p : partitions) {
                if (StackScenarios.CONSUMED_TOPICS.contains(p.topic())) {
                    replay += latest.get(p) - earliest.get(p);
                }
            }
            log("rewound %s on %d partitions of %s: %d records to consume again", StackScenarios.PUBLICATION_GROUP,
                    partitions.size(), StackScenarios.ALL_TOPICS, replay);
            return replay;
        }
    }

    // ---- judging the final state -----------------------------------------------------------------------------------

    /**
     * Each approved budget reached publication-service exactly once: within {@link #CATCH_UP} its disclosure holds a
     * draft of that revision; then one disclosure per department and year, one approved revision held, the budgets
     * approved with empty outboxes, and nothing duplicated anywhere in publication-service's state or feed.
     */
    private void assertCaughtUp(String fault, Map<String, String> budgets, int revision) {
        Instant deadline = Instant.now().plus(CATCH_UP);
        List<String> lostOnes = new ArrayList<>();
        int drafts = 0;
        for (var budget : budgets.entrySet()) {
            Duration left = Duration.between(Instant.now(), deadline);
            try {
                JsonNode d = stack.awaitDraft(budget.getKey(), revision, left.isNegative() ? Duration.ZERO : left);
                assertThat(d.get("draft").get("basis").get("budgetId").asString()).isEqualTo(budget.getValue());
                drafts++;
            } catch (AssertionError e) {
                lostOnes.add(budget.getValue() + ": " + e.getMessage());
            }
        }
        List<String> doubled = new ArrayList<>(stack.duplicatedEffects());
        for (var budget : budgets.entrySet()) {
            String code = budget.getKey();
            long disclosures = stack.count("publications", "publications",
                    new Document("departmentCode", code).append("fiscalYear", YEAR));
            long approvals = stack.count("publications", "approved_budgets",
                    new Document("departmentCode", code).append("fiscalYear", YEAR));
            if (disclosures > 1) {
                doubled.add(disclosures + " disclosures of " + code);
            }
            if (approvals > 1) {
                doubled.add(approvals + " approvals of " + code + " held");
            }
        }
        report(fault, budgets.size(), drafts, lostOnes.size(), doubled.size());

        assertThat(lostOnes).as("approvals that never reached publication-service").isEmpty();
        assertThat(doubled).as("doubled effects").isEmpty();
        for (var budget : budgets.entrySet()) {
            String code = budget.getKey();
            assertThat(stack.count("publications", "publications",
                    new Document("departmentCode", code).append("fiscalYear", YEAR))).isEqualTo(1);
            assertThat(stack.count("publications", "approved_budgets", new Document("departmentCode", code)
                    .append("fiscalYear", YEAR).append("revision", revision))).isEqualTo(1);
            JsonNode disclosure = stack.disclosure(code);
            assertThat(disclosure.get("versions")).isEmpty();
            assertThat(disclosure.get("basis").get("budgetId").asString()).isEqualTo(budget.getValue());
            assertThat(stack.budget(budget.getValue()).get("status").asString()).isEqualTo("APPROVED");
        }
        StackScenarios.await(Duration.ofSeconds(30), () -> budgets.values().stream()
                .mapToLong(stack::approvalsWaitingInOutbox).sum(), n -> n == 0, "the approvals' outboxes to drain");
        List<JsonNode> feed = stack.feed();
        StackScenarios.verifyChain(feed);
        Set<String> eventIds = new HashSet<>();
        assertThat(feed).allSatisfy(e -> assertThat(eventIds.add(e.get("eventId").asString()))
                .as("feed entry %s once", e.get("eventId")).isTrue());
    }

    /** Every document of publication-service's database (canonical extended JSON, by collection, in _id order). */
    private Map<String, List<String>> publicationsDatabase() {
        Map<String, List<String>> all = new TreeMap<>();
        StoredState.snapshot(stack.stack.settings().mongoPort()).forEach((collection, documents) -> {
            if (collection.startsWith("publications.")) {
                all.put(collection, documents);
            }
        });
        return all;
    }

    /** What differs, document by document: "gone …", "new …" or "changed …". */
    private static List<String> differences(Map<String, List<String>> before, Map<String, List<String>> after) {
        List<String> found = new ArrayList<>();
        Set<String> collections = new TreeSet<>(before.keySet());
        collections.addAll(after.keySet());
        for (String collection : collections) {
            Map<String, String> was = byId(before.getOrDefault(collection, List.of()));
            Map<String, String> is = byId(after.getOrDefault(collection, List.of()));
            was.forEach((id, doc) -> {
                if (!is.containsKey(id)) {
                    found.add("gone from " + collection + ": " + StackScenarios.abbreviate(doc));
                } else if (!is.get(id).equals(doc)) {
                    found.add("changed in " + collection + " " + id + ": " + changedFields(doc, is.get(id)));
                }
            });
            is.forEach((id, doc) -> {
                if (!was.containsKey(id)) {
                    found.add("new in " + collection + ": " + StackScenarios.abbreviate(doc));
                }
            });
        }
        return found;
    }

    /** The top-level fields that differ, each as "field: before → after". */
    private static String changedFields(String before, String after) {
        Document was = Document.parse(before);
        Document is = Document.parse(after);
        Set<String> fields = new TreeSet<>(was.keySet());
        fields.addAll(is.keySet());
        List<String> changed = new ArrayList<>();
        for (String field : fields) {
            Object a = was.get(field);
            Object b = is.get(field);
            if (!java.util.Objects.equals(a, b)) {
                changed.add(field + ": " + StackScenarios.abbreviate(String.valueOf(a), 120) + " → "
                        + StackScenarios.abbreviate(String.valueOf(b), 120));
            }
        }
        return String.join("; ", changed);
    }

    private static Map<String, String> byId(List<String> documents) {
        Map<String, String> byId = new LinkedHashMap<>();
        for (String json : documents) {
            byId.put(Document.parse(json).get("_id").toString(), json);
        }
        return byId;
    }

    private static void report(String fault, long approvals, long drafts, long lost, long doubled) {
        System.out.printf("[report] fault=%s: approvals=%d, drafts=%d, lost=%d, doubled=%d%n", fault, approvals,
                drafts, lost, doubled);
    }

    private static void log(String format, Object... args) {
        System.out.printf("[fault-tests] " + format + "%n", args);
    }
}

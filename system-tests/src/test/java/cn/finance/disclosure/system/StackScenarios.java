package cn.finance.disclosure.system;

import cn.finance.disclosure.stack.DemoLoader;
import cn.finance.disclosure.stack.LocalStack;
import cn.finance.disclosure.stack.StaffClient;
import cn.finance.disclosure.support.provenance.EventSigningInterceptor;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the workflow and fault scenarios do over the running stack, as the staff do it (real Keycloak users of the
 * scenario's own departments, through the gateway), and how they look at the outcome from outside the services: the
 * MongoDB databases read with the real driver, the Kafka topics and the publication-service's consumer group read with
 * the real Kafka clients, the public release feed read anonymously.
 */
final class StackScenarios {

    static final int YEAR = 2024;
    static final String DEPARTMENT_TOPIC = "finance.department.events";
    static final String BUDGET_TOPIC = "finance.budget.events";
    static final String PUBLICATION_TOPIC = "finance.publication.events";
    /** publication-service's consumer group (spring.kafka.consumer.group-id, KAFKA_CONSUMER_GROUP unset) */
    static final String PUBLICATION_GROUP = "publication-service";
    /** the topics publication-service consumes (EventIntake) */
    static final List<String> CONSUMED_TOPICS = List.of(DEPARTMENT_TOPIC, BUDGET_TOPIC);
    static final List<String> ALL_TOPICS = List.of(DEPARTMENT_TOPIC, BUDGET_TOPIC, PUBLICATION_TOPIC);
    static final String REVIEWER = "bureau-reviewer";
    static final String PUBLISHER = "bureau-publisher";
    static final String ADMIN = "bureau-admin";
    static final String WARNING_EXPLANATION = "2023年支出中含使用上年结转资金，收入预算未列示该结转，差额已核实。";
    /** The processes in the order they are started. */
    static final List<String> PROCESSES = List.of(LocalStack.MONGO, LocalStack.KAFKA, LocalStack.KEYCLOAK,
            LocalStack.DEPARTMENT, LocalStack.BUDGET, LocalStack.PUBLICATION, LocalStack.GATEWAY);

    final LocalStack stack;
    final StaffClient client;
    private final KeycloakUsers users;

    StackScenarios() {
        this(RunningStack.get(), RunningStack.client());
    }

    /** The scenarios on another stack (the replicated one of {@link ReplicasSystemTest}). */
    StackScenarios(LocalStack stack, StaffClient client) {
        this.stack = stack;
        this.client = client;
        this.users = new KeycloakUsers(stack.settings().keycloakPort());
    }

    static String clerk(String code) {
        return "clerk-" + code;
    }

    static String head(String code) {
        return "head-" + code;
    }

    static String disclosureId(String code) {
        return code + "-" + YEAR;
    }

    static String publicPath(String code) {
        return "/public/v1/publications/" + code + "/" + YEAR;
    }

    // ---- departments, budgets, disclosures through the gateway ----------------------------------------------------

    /** bureau-admin registers the department; its clerk and head are made in Keycloak. */
    void register(String code) throws Exception {
        StaffClient.Answer registered = client.post("/api/v1/departments", ADMIN, Map.of("code", code,
                "name", "重庆市綦江区场景测试单位" + code, "shortName", "场景单位" + code,
                "district", "重庆市綦江区", "kind", "ADMINISTRATIVE"));
        assertThat(registered.status()).as("register %s: %s", code, registered.body()).isEqualTo(201);
        users.ensureUser(clerk(code), code, "department-clerk");
        users.ensureUser(head(code), code, "department-head");
    }

    /** The department's profile for the year: the seed's, stored by {@code by} (the clerk or bureau-admin). */
    void putProfile(String code, String by) {
        ObjectNode profile = (ObjectNode) DemoLoader.seedFacts().get("department").get("profile").deepCopy();
        StaffClient.Answer put = client.put("/api/v1/departments/" + code + "/profiles/" + YEAR, by, profile);
        assertThat(put.status()).as("profile %s: %s", code, put.body()).isEqualTo(201);
    }

    /** Registered, with clerk, head and profile, and publication-service has consumed the profile. */
    void department(String code) throws Exception {
        register(code);
        putProfile(code, clerk(code));
    }

    static ObjectNode seedBudget(String code) {
        ObjectNode budget = (ObjectNode) DemoLoader.seedFacts().get("budget").deepCopy();
        budget.put("departmentCode", code);
        return budget;
    }

    String createBudget(String code) {
        StaffClient.Answer created = client.post("/api/v1/budgets", clerk(code), seedBudget(code));
        assertThat(created.status()).as("create budget %s: %s", code, created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    /** The seed's one warning, explained: the submission body a clerk sends. */
    static ObjectNode acknowledgements() {
        ObjectNode body = StaffClient.JSON.createObjectNode();
        body.putArray("acknowledgements").addObject().put("ruleId", "V06-REVENUE-EXPENDITURE-DELTA")
                .put("path", "priorYear").put("explanation", WARNING_EXPLANATION);
        return body;
    }

    JsonNode submit(String code, String budgetId) {
        StaffClient.Answer submitted = client.post("/api/v1/budgets/" + budgetId + "/submission", clerk(code),
                acknowledgements());
        assertThat(submitted.status()).as("submit %s: %s", budgetId, submitted.body()).isEqualTo(200);
        assertThat(submitted.json().get("status").asString()).isEqualTo("SUBMITTED");
        return submitted.json();
    }

    /** A department with its profile, and its budget revision 1 submitted for review: ready to be approved. */
    String submittedBudget(String code) throws Exception {
        department(code);
        String id = createBudget(code);
        submit(code, id);
        return id;
    }

    StaffClient.Answer approve(String budgetId) {
        return client.post("/api/v1/budgets/" + budgetId + "/approval", REVIEWER, null);
    }

    JsonNode approveOk(String budgetId) {
        StaffClient.Answer approved = approve(budgetId);
        assertThat(approved.status()).as("approve %s: %s", budgetId, approved.body()).isEqualTo(200);
        assertThat(approved.json().get("status").asString()).isEqualTo("APPROVED");
        return approved.json();
    }

    JsonNode budget(String budgetId) {
        StaffClient.Answer read = client.get("/api/v1/budgets/" + budgetId, REVIEWER);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        return read.json();
    }

    /** The disclosure as bureau-publisher reads it, or null while it does not exist. */
    JsonNode disclosure(String code) {
        StaffClient.Answer read = client.get("/api/v1/publications/" + disclosureId(code), PUBLISHER);
        if (read.status() == 404) {
            return null;
        }
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        return read.json();
    }

    JsonNode awaitDisclosure(String code, Predicate<JsonNode> condition, Duration timeout, String what) {
        return await(timeout, () -> disclosure(code), d -> d != null && condition.test(d),
                "disclosure " + disclosureId(code) + " " + what);
    }

    /** Waits for the pending draft generated from the given budget revision. */
    JsonNode awaitDraft(String code, int revision, Duration timeout) {
        return awaitDisclosure(code, d -> d.get("status").asString().equals("DRAFT")
                        && d.path("draft").path("basis").path("budgetRevision").asInt() == revision,
                timeout, "to hold a draft of budget revision " + revision);
    }

    /** The unit head confirms the pending draft as generated; returns the confirmed content hash. */
    String confirm(String code, JsonNode withDraft) {
        String hash = withDraft.get("draft").get("contentHash").asString();
        StaffClient.Answer confirmed = client.post("/api/v1/publications/" + disclosureId(code) + "/confirmation",
                head(code), Map.of("contentHash", hash));
        assertThat(confirmed.status()).as("confirm %s: %s", code, confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().get("status").asString()).isEqualTo("CONFIRMED");
        return hash;
    }

    /** From an approved revision 1 to public version 1: wait for the draft, head confirms, publisher releases. */
    JsonNode releaseFirstVersion(String code) {
        JsonNode draft = awaitDraft(code, 1, Duration.ofSeconds(60));
        String hash = confirm(code, draft);
        StaffClient.Answer released = client.post("/api/v1/publications/" + disclosureId(code) + "/release",
                PUBLISHER, Map.of("contentHash", hash));
        assertThat(released.status()).as("release %s: %s", code, released.body()).isEqualTo(201);
        assertThat(released.header("Location")).isEqualTo(publicPath(code) + "/versions/1");
        assertThat(released.json().get("status").asString()).isEqualTo("RELEASED");
        return released.json();
    }

    /** Waits until publication-service holds the department's profile for the year (it consumed the event). */
    void awaitProfileKnown(String code) {
        await(Duration.ofSeconds(60), () -> count("publications", "department_profiles",
                new Document("_id", code + "/" + YEAR)), n -> n == 1, "publication-service to know the profile of "
                + code);
    }

    // ---- the public release feed -----------------------------------------------------------------------------------

    /** Every entry of the public release feed, in order. */
    List<JsonNode> feed() {
        List<JsonNode> entries = new ArrayList<>();
        String cursor = "0";
        while (true) {
            StaffClient.Answer page = client.get("/public/v1/releases?limit=500&after=" + cursor, null);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.json().get("entries").forEach(entries::add);
            cursor = page.json().get("next").asString();
            if (!page.json().get("hasMore").asBoolean()) {
                return entries;
            }
        }
    }

    /** The feed's chain checks out from the feed alone: hashes recompute, each links to the one before. */
    static void verifyChain(List<JsonNode> entries) {
        String previous = null;
        long sequence = 0;
        for (JsonNode entry : entries) {
            assertThat(entry.get("sequence").asLong()).as("feed sequence").isEqualTo(sequence + 1);
            sequence = entry.get("sequence").asLong();
            if (previous == null) {
                assertThat(entry.get("previousEntryHash").isNull()).as("first entry has no predecessor").isTrue();
            } else {
                assertThat(entry.get("previousEntryHash").asString()).as("entry %d links to %d", sequence,
                        sequence - 1).isEqualTo(previous);
            }
            ObjectNode withoutHash = ((ObjectNode) entry).deepCopy();
            withoutHash.remove("entryHash");
            String recomputed = PublicationSystemTest.sha256(PublicationSystemTest.Jcs.canonicalize(withoutHash));
            assertThat(entry.get("entryHash").asString()).as("hash of feed entry %d", sequence).isEqualTo(recomputed);
            previous = recomputed;
        }
    }

    // ---- MongoDB, read directly ------------------------------------------------------------------------------------

    MongoClient mongo() {
        return MongoClients.create("mongodb://127.0.0.1:" + stack.settings().mongoPort());
    }

    long count(String database, String collection, Document filter) {
        return StoredState.count(stack.settings().mongoPort(), database, collection, filter);
    }

    List<Document> documents(String database, String collection, Document filter) {
        try (MongoClient mongo = mongo()) {
            return mongo.getDatabase(database).getCollection(collection).find(filter)
                    .sort(new Document("_id", 1)).into(new ArrayList<>());
        }
    }

    /** The approval events still waiting in the budget's own outbox (not yet acknowledged by Kafka). */
    long approvalsWaitingInOutbox(String budgetId) {
        Document budget = documents("budgets", "budgets", new Document("_id", budgetId)).getFirst();
        return budget.getList("outbox", Document.class, List.of()).stream()
                .filter(m -> "budget.approved.v2".equals(m.getString("type"))).count();
    }

    /** Outboxes that still hold events, by database.collection: empty once every relay has published everything. */
    Map<String, Long> pendingOutboxes() {
        Map<String, Long> pending = new TreeMap<>();
        Map<String, List<String>> collections = Map.of("departments", List.of("departments", "department_profiles"),
                "budgets", List.of("budgets"), "publications", List.of("publications"));
        try (MongoClient mongo = mongo()) {
            collections.forEach((db, names) -> {
                for (String name : names) {
                    long n = mongo.getDatabase(db).getCollection(name)
                            .countDocuments(new Document("outbox.0", new Document("$exists", true)));
                    if (n > 0) {
                        pending.put(db + "." + name, n);
                    }
                }
            });
            long feedPending = mongo.getDatabase("publications").getCollection("publications")
                    .countDocuments(new Document("feedPending.0", new Document("$exists", true)));
            if (feedPending > 0) {
                pending.put("publications.publications feedPending", feedPending);
            }
        }
        return pending;
    }

    /**
     * Duplicated effects in publication-service's database, each described: more than one disclosure per department
     * and year, an approved revision held twice, a disclosure whose versions are not numbered 1..n or with more than
     * one current version, a feed entry twice (by event id) or a version released into the feed twice.
     */
    List<String> duplicatedEffects() {
        List<String> found = new ArrayList<>();
        Map<String, Integer> perDepartmentYear = new HashMap<>();
        for (Document d : documents("publications", "publications", new Document())) {
            perDepartmentYear.merge(d.getString("departmentCode") + "/" + d.get("fiscalYear"), 1, Integer::sum);
            List<Document> versions = d.getList("versions", Document.class, List.of());
            long current = versions.stream().filter(v -> "CURRENT".equals(v.getString("status"))).count();
            if (current > 1) {
                found.add(d.get("_id") + " has " + current + " current versions");
            }
            for (int i = 0; i < versions.size(); i++) {
                if (versions.get(i).getInteger("number") != i + 1) {
                    found.add(d.get("_id") + " version at position " + (i + 1) + " is numbered "
                            + versions.get(i).getInteger("number"));
                }
            }
        }
        perDepartmentYear.forEach((key, n) -> {
            if (n > 1) {
                found.add(n + " disclosures for " + key);
            }
        });
        Map<String, Integer> perBudget = new HashMap<>();
        for (Document a : documents("publications", "approved_budgets", new Document())) {
            perBudget.merge(a.getString("budgetId"), 1, Integer::sum);
        }
        perBudget.forEach((id, n) -> {
            if (n > 1) {
                found.add("approved budget " + id + " held " + n + " times");
            }
        });
        Set<String> eventIds = new HashSet<>();
        Set<String> steps = new HashSet<>();
        for (JsonNode entry : feed()) {
            if (!eventIds.add(entry.get("eventId").asString())) {
                found.add("feed entry for event " + entry.get("eventId").asString() + " appears twice");
            }
            String step = entry.get("type").asString() + " " + entry.get("departmentCode").asString() + "/"
                    + entry.get("fiscalYear").asInt() + " v" + entry.get("version").asInt();
            if (!steps.add(step)) {
                found.add("feed has '" + step + "' twice");
            }
        }
        return found;
    }

    // ---- Kafka, read with the real clients -------------------------------------------------------------------------

    String bootstrap() {
        return "127.0.0.1:" + stack.settings().kafkaPort();
    }

    Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
    }

    static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e.getCause() == null ? e : e.getCause());
        }
    }

    /** Every partition of those of {@code topics} that exist. */
    static List<TopicPartition> partitions(Admin admin, List<String> topics) {
        Set<String> existing = get(admin.listTopics().names());
        List<String> present = topics.stream().filter(existing::contains).toList();
        List<TopicPartition> partitions = new ArrayList<>();
        for (TopicDescription topic : get(admin.describeTopics(present).allTopicNames()).values()) {
            topic.partitions().forEach(p -> partitions.add(new TopicPartition(topic.name(), p.partition())));
        }
        partitions.sort(java.util.Comparator.comparing(TopicPartition::toString));
        return partitions;
    }

    static Map<TopicPartition, Long> offsets(Admin admin, List<TopicPartition> partitions, OffsetSpec spec) {
        Map<TopicPartition, OffsetSpec> request = new LinkedHashMap<>();
        partitions.forEach(p -> request.put(p, spec));
        Map<TopicPartition, Long> offsets = new LinkedHashMap<>();
        get(admin.listOffsets(request).all()).forEach((p, info) -> offsets.put(p, info.offset()));
        return offsets;
    }

    /** How many records of the consumed topics publication-service's group has not yet handled, by partition. */
    Map<TopicPartition, Long> consumerLag() {
        try (Admin admin = admin()) {
            List<TopicPartition> partitions = partitions(admin, CONSUMED_TOPICS);
            Map<TopicPartition, Long> end = offsets(admin, partitions, OffsetSpec.latest());
            Map<TopicPartition, OffsetAndMetadata> committed =
                    get(admin.listConsumerGroupOffsets(PUBLICATION_GROUP).partitionsToOffsetAndMetadata());
            Map<TopicPartition, Long> lag = new TreeMap<>(java.util.Comparator.comparing(TopicPartition::toString));
            end.forEach((p, endOffset) -> {
                OffsetAndMetadata at = committed.get(p);
                long behind = endOffset - (at == null ? 0 : at.offset());
                if (behind > 0) {
                    lag.put(p, behind);
                }
            });
            return lag;
        }
    }

    /**
     * Waits until nothing is in flight: every outbox relayed, every feed item appended, and publication-service's
     * consumer group has handled (committed) every record of the department and budget topics.
     */
    void awaitQuiet(Duration timeout) {
        await(timeout, () -> {
            Map<String, Object> inFlight = new TreeMap<>(pendingOutboxes());
            Map<TopicPartition, Long> lag = consumerLag();
            if (!lag.isEmpty()) {
                inFlight.put("consumer lag", lag);
            }
            return inFlight;
        }, Map::isEmpty, "the stack to be quiet (outboxes relayed, feed appended, events consumed)");
    }

    /** Every record of {@code topic} as it is now (up to its end offsets), values parsed, from a fresh reader. */
    List<JsonNode> events(String topic) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<JsonNode> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            Instant deadline = Instant.now().plusSeconds(60);
            while (partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(30)) < end.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("could not read " + topic + " to its end within 60 s");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() != null && record.offset() < end.get(new TopicPartition(topic,
                            record.partition()))) {
                        try {
                            events.add(StaffClient.JSON.readTree(record.value()));
                        } catch (RuntimeException notJson) {
                            // a poison message (parked by publication-service): not an event
                        }
                    }
                }
            }
        }
        return events;
    }

    /** Publishes one record as it is (acks=all), as a foreign or broken producer would. */
    void publish(String topic, String key, String value) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("publishing to " + topic + " failed", e);
        }
    }

    /**
     * A budget.approved.v1 for revision 1 of the department's budget, approved at {@code approvedAt}, written as the
     * contract states it (event-contracts' EventEnvelope around BudgetApproved, key code/year, the relay's headers):
     * assembled here by hand, so the contract, not the producer's code, is what is tested.
     */
    void publishApproval(String code, Instant approvedAt, String signingKey) throws Exception {
        String issuer = stack.settings().issuer();
        String key = code + "/" + YEAR;
        ObjectNode data = StaffClient.JSON.createObjectNode();
        data.put("budgetId", code + "-" + YEAR + "-r1");
        data.put("departmentCode", code);
        data.put("fiscalYear", YEAR);
        data.put("revision", 1);
        data.putNull("replacesBudgetId");
        data.putObject("submittedBy").put("issuer", issuer).put("subject", UUID.randomUUID().toString())
                .put("username", "synthetic-clerk-" + code);
        data.putObject("approvedBy").put("issuer", issuer).put("subject", UUID.randomUUID().toString())
                .put("username", "synthetic-reviewer");
        data.put("approvedAt", approvedAt.toString());
        data.set("submission", seedBudget(code));
        ObjectNode envelope = StaffClient.JSON.createObjectNode();
        String id = UUID.randomUUID().toString();
        envelope.put("specversion", "1.0");
        envelope.put("id", id);
        envelope.put("type", "budget.approved.v1");
        envelope.put("source", "budget-service");
        envelope.put("subject", key);
        envelope.put("time", approvedAt.toString());
        envelope.put("datacontenttype", "application/json");
        envelope.set("data", data);
        // signed as budget-service with signingKey (the stack's own key, or a forger's); null sends it unsigned
        Map<String, Object> config = new HashMap<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true));
        if (signingKey != null) {
            config.put(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG, EventSigningInterceptor.class.getName());
            config.put(EventSigningInterceptor.PRODUCER, "budget-service");
            config.put(EventSigningInterceptor.SIGNING_KEY, signingKey);
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(BUDGET_TOPIC, key,
                    StaffClient.JSON.writeValueAsString(envelope));
            record.headers().add("ce_type", "budget.approved.v1".getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_id", id.getBytes(StandardCharsets.UTF_8));
            producer.send(record).get(30, TimeUnit.SECONDS);
        }
    }

    /** How many budget.approved.v2 events for this budget revision are on the budget topic. */
    long approvalEventsOnTopic(String budgetId) {
        return events(BUDGET_TOPIC).stream()
                .filter(e -> e.path("type").asString("").equals("budget.approved.v2")
                        && e.path("data").path("budgetId").asString("").equals(budgetId))
                .count();
    }

    // ---- the processes ---------------------------------------------------------------------------------------------

    /** Every process of the stack running and ready again, whatever a fault scenario left behind. */
    void restoreStack() {
        for (String name : PROCESSES) {
            if (!stack.process(name).isAlive()) {
                System.out.println("[fault-tests] restoring " + name);
                stack.process(name).start();
            }
        }
        for (String name : PROCESSES) {
            stack.process(name).awaitReady(Duration.ofMinutes(3));
        }
    }

    /** Starts a stopped process and waits until it is ready; returns the seconds it took. */
    double start(String name) {
        long t0 = System.nanoTime();
        stack.process(name).start();
        stack.process(name).awaitReady(Duration.ofMinutes(3));
        return (System.nanoTime() - t0) / 1e9;
    }

    // ---- waiting ---------------------------------------------------------------------------------------------------

    static <T> T await(Duration timeout, Supplier<T> poll, Predicate<T> done, String what) {
        Instant deadline = Instant.now().plus(timeout);
        T last = null;
        Throwable failure = null;
        while (true) {
            try {
                last = poll.get();
                failure = null;
                if (done.test(last)) {
                    return last;
                }
            } catch (RuntimeException | AssertionError e) {
                failure = e; // not there yet (a service restarting answers 5xx or refuses the connection)
            }
            if (Instant.now().isAfter(deadline)) {
                AssertionError error = new AssertionError("waited " + timeout.toSeconds() + " s for " + what
                        + "; last seen: " + abbreviate(String.valueOf(last)));
                if (failure != null) {
                    error.initCause(failure);
                }
                throw error;
            }
            sleep(250);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String abbreviate(String s) {
        return abbreviate(s, 600);
    }

    static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}

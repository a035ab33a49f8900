package cn.finance.disclosure.system;

import cn.finance.disclosure.stack.DemoLoader;
import cn.finance.disclosure.stack.StaffClient;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many people at once on the whole running stack. Fifty departments (420000–420049, this class's own) are registered,
 * profiled, budgeted, validated and submitted all at the same moment by their own clerks while anonymous readers pull
 * the public API under its rate limit: no call fails, and afterwards every budget holds exactly what its clerk sent.
 * The reviewer then approves the fifty at once (a few of them several times concurrently) and exactly fifty drafts
 * appear in publication-service. Finally concurrent edits of one profile and one draft budget with the same If-Match:
 * exactly one wins, every other gets a 412/409 problem, and the stored document is the winner's, whole.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConcurrencySystemTest {

    static final int DEPARTMENTS = 50;
    static final int FIRST_CODE = 420_000;
    static final int READERS = 4;
    static final double READS_PER_SECOND_EACH = 8;
    static final int RACERS = 16;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();

    final StaffClient client = RunningStack.client();
    final JsonNode facts = DemoLoader.seedFacts();

    /** One unexpected answer, or a call that failed outright. */
    record Error(String who, String step, String detail) {
        @Override
        public String toString() {
            return who + " " + step + ": " + detail;
        }
    }

    private final List<Error> errors = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger staffRequests = new AtomicInteger();

    @Test
    @Order(1)
    void fiftyDepartmentsSubmitAtOnceWhileAnonymousReadersPullThePublicApi() throws Exception {
        List<String> codes = IntStream.range(0, DEPARTMENTS).mapToObj(i -> String.valueOf(FIRST_CODE + i)).toList();
        KeycloakUsers users = new KeycloakUsers(RunningStack.get().settings().keycloakPort());
        long t0 = System.nanoTime();
        inParallel(4, codes, code -> users.ensureUser(clerk(code), code, "department-clerk"));
        // logging in is Keycloak's password hashing, not what this test is about: tokens first, then the rush
        inParallel(4, codes, code -> client.token(clerk(code)));
        for (String staff : List.of("bureau-admin", "bureau-reviewer", "bureau-publisher")) {
            client.token(staff);
        }
        double setup = (System.nanoTime() - t0) / 1e9;

        Readers readers = Readers.start(publicPaths());
        long t1 = System.nanoTime();
        Map<String, Sent> sent = new ConcurrentHashMap<>();
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> all = new ArrayList<>();
            for (String code : codes) {
                all.add(pool.submit(() -> {
                    go.await();
                    workflow(code, sent);
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : all) {
                f.get();
            }
        }
        double rush = (System.nanoTime() - t1) / 1e9;

        int lost = 0;
        for (String code : codes) {
            lost += storedAsSent(code, sent.get(code)) ? 0 : 1;
        }

        long t2 = System.nanoTime();
        approveAllAtOnce(codes);
        int drafts = draftsInPublicationService(codes);
        double approvals = (System.nanoTime() - t2) / 1e9;
        Readers.Tally reads = readers.stop();

        System.out.printf("[report] concurrency: setup %.1f s (users and logins), 50 workflows %.1f s, approvals and "
                + "drafts %.1f s; readers %s%n", setup, rush, approvals, reads.byStatus());
        System.out.printf("[report] concurrency: departments=%d, staff-requests=%d, reader-requests=%d, errors=%d, "
                + "lost-updates=%d, drafts=%d%n", DEPARTMENTS, staffRequests.get(), reads.requests(),
                errors.size() + reads.errors().size(), lost, drafts);
        assertThat(errors).as("staff calls that did not get the expected answer").isEmpty();
        assertThat(reads.errors()).as("public reads other than 200/304").isEmpty();
        assertThat(reads.requests()).isGreaterThan(READERS * 5L);
        assertThat(lost).as("budgets, profiles or departments not stored exactly as sent").isZero();
        assertThat(drafts).as("drafts in publication-service for the 50 approvals").isEqualTo(DEPARTMENTS);
    }

    @Test
    @Order(2)
    void concurrentEditsWithTheSameIfMatchHaveExactlyOneWinnerAndTheStoredDocumentIsTheWinners() throws Exception {
        String code = String.valueOf(FIRST_CODE);
        String clerk = clerk(code);
        ensureDepartmentWithProfile(code);

        // the profile: 16 editors read the same version and save different texts at the same moment
        String profilePath = "/api/v1/departments/" + code + "/profiles/2024";
        StaffClient.Answer read = client.get(profilePath, clerk);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        long profileVersion = read.json().get("version").asLong();
        List<ObjectNode> profileBodies = new ArrayList<>();
        for (int k = 0; k < RACERS; k++) {
            ObjectNode body = (ObjectNode) facts.get("department").get("profile").deepCopy();
            ((ArrayNode) body.get("functions")).set(0, body.get("functions").get(0).asString() + "（并发编辑" + k + "）");
            ((ObjectNode) body.get("disclosureContact")).put("name", "编辑人" + k);
            profileBodies.add(body);
        }
        List<StaffClient.Answer> profileAnswers = race(profileBodies, body ->
                client.put(profilePath, clerk, body, "If-Match", read.header("ETag")));
        int profileWinner = onlyWinner("profile", profileAnswers);
        JsonNode storedProfile = client.get(profilePath, clerk).json();
        assertThat(storedProfile.get("version").asLong()).isEqualTo(profileVersion + 1);
        assertThat(storedProfile.get("functions")).isEqualTo(profileBodies.get(profileWinner).get("functions"));
        assertThat(storedProfile.get("divisions")).isEqualTo(profileBodies.get(profileWinner).get("divisions"));
        assertThat(storedProfile.get("disclosureContact")).isEqualTo(profileBodies.get(profileWinner).get("disclosureContact"));

        // a draft budget: 16 editors, one version, different content
        ObjectNode draft = budgetOf(code, 2025, "草稿");
        StaffClient.Answer created = client.post("/api/v1/budgets", clerk, draft);
        assertThat(created.status()).as(created.body()).isIn(201, 409);
        String id = code + "-2025-r1";
        StaffClient.Answer before = client.get("/api/v1/budgets/" + id, clerk);
        assertThat(before.json().get("status").asString()).isEqualTo("DRAFT");
        long budgetVersion = before.json().get("version").asLong();
        int historyBefore = before.json().get("history").size();
        List<ObjectNode> budgetBodies = new ArrayList<>();
        for (int k = 0; k < RACERS; k++) {
            ObjectNode body = budgetOf(code, 2025, "并发编辑" + k);
            ((ObjectNode) body.get("changeExplanations")).put("revenue", "编辑人" + k + "的说明");
            budgetBodies.add(body);
        }
        List<StaffClient.Answer> budgetAnswers = race(budgetBodies, body ->
                client.put("/api/v1/budgets/" + id, clerk, body, "If-Match", before.header("ETag")));
        int budgetWinner = onlyWinner("budget", budgetAnswers);
        JsonNode stored = client.get("/api/v1/budgets/" + id, clerk).json();
        assertThat(stored.get("version").asLong()).isEqualTo(budgetVersion + 1);
        // the winner's body as sent, except the prior year: this department's 2024 budget was approved here, so
        // budget-service fills the prior year from it (origin APPROVED_BUDGET) whatever an editor typed
        ObjectNode winnerBody = budgetBodies.get(budgetWinner).deepCopy();
        ObjectNode storedBody = ((ObjectNode) stored.get("submission")).deepCopy();
        assertThat(storedBody.get("priorYear").get("origin").get("source").asString()).isEqualTo("APPROVED_BUDGET");
        winnerBody.remove("priorYear");
        storedBody.remove("priorYear");
        assertThat(storedBody).isEqualTo(winnerBody);
        assertThat(stored.get("history").size()).as("one edit recorded, not sixteen").isEqualTo(historyBefore + 1);

        System.out.printf("[report] concurrency optimistic-locking: profile %d PUTs with one If-Match -> %s; "
                + "draft budget %d PUTs -> %s; stored = the winner's body%n", RACERS, statuses(profileAnswers),
                RACERS, statuses(budgetAnswers));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // the 50 workflows

    /** What one department's clerk sent. */
    record Sent(ObjectNode profile, ObjectNode budget, JsonNode acknowledgements) {
    }

    private void workflow(String code, Map<String, Sent> sent) {
        try {
            steps(code, sent);
        } catch (RuntimeException e) {
            errors.add(new Error(code, "workflow", e.toString()));
        }
    }

    private void steps(String code, Map<String, Sent> sent) {
        String clerk = clerk(code);
        ObjectNode profile = (ObjectNode) facts.get("department").get("profile").deepCopy();
        ((ObjectNode) profile.get("disclosureContact")).put("name", "联系人" + code.substring(4));
        ObjectNode budget = budgetOf(code, 2024, code);
        if (!expect(code, "register", 201, client.post("/api/v1/departments", "bureau-admin", Map.of("code", code,
                "name", "綦江区并发测试单位" + code, "shortName", "并发" + code, "district", "重庆市綦江区",
                "kind", "ADMINISTRATIVE")))) {
            return;
        }
        if (!expect(code, "profile", 201, client.put("/api/v1/departments/" + code + "/profiles/2024", clerk,
                profile))) {
            return;
        }
        if (!expect(code, "create budget", 201, client.post("/api/v1/budgets", clerk, budget))) {
            return;
        }
        String id = code + "-2024-r1";
        StaffClient.Answer validation = client.post("/api/v1/budgets/" + id + "/validation", clerk, null);
        if (!expect(code, "validate", 200, validation)) {
            return;
        }
        ArrayNode acknowledgements = StaffClient.JSON.createArrayNode();
        for (JsonNode finding : validation.json().get("findings")) {
            String severity = finding.get("severity").asString();
            if (severity.equals("ERROR")) {
                errors.add(new Error(code, "validate", "unexpected ERROR " + finding));
                return;
            }
            if (severity.equals("WARNING")) {
                acknowledgements.addObject().put("ruleId", finding.get("ruleId").asString())
                        .put("path", finding.get("path").asString())
                        .put("explanation", "单位" + code + "：2023年支出含上年结转资金，收入预算未列示该结转");
            }
        }
        ObjectNode submission = StaffClient.JSON.createObjectNode();
        submission.set("acknowledgements", acknowledgements);
        sent.put(code, new Sent(profile, budget, acknowledgements));
        StaffClient.Answer submitted = client.post("/api/v1/budgets/" + id + "/submission", clerk, submission);
        if (expect(code, "submit", 200, submitted) && !submitted.json().get("status").asString().equals("SUBMITTED")) {
            errors.add(new Error(code, "submit", "status " + submitted.json().get("status")));
        }
    }

    /** The department, its profile and its budget as stored are exactly what was sent, and nothing more happened. */
    private boolean storedAsSent(String code, Sent sent) {
        if (sent == null) {
            return false;
        }
        String clerk = clerk(code);
        List<String> wrong = new ArrayList<>();
        JsonNode department = get("/api/v1/departments/" + code, "bureau-admin");
        if (department == null || !department.get("name").asString().equals("綦江区并发测试单位" + code)) {
            wrong.add("department " + department);
        }
        JsonNode profile = get("/api/v1/departments/" + code + "/profiles/2024", clerk);
        if (profile == null || !profile.get("functions").equals(sent.profile().get("functions"))
                || !profile.get("divisions").equals(sent.profile().get("divisions"))
                || !profile.get("disclosureContact").equals(sent.profile().get("disclosureContact"))
                || profile.get("version").asLong() != 0) {
            wrong.add("profile " + abbreviate(String.valueOf(profile)));
        }
        JsonNode budget = get("/api/v1/budgets/" + code + "-2024-r1", clerk);
        if (budget == null) {
            wrong.add("no budget");
        } else {
            List<String> steps = new ArrayList<>();
            budget.get("history").forEach(h -> steps.add(h.get("step").asString()));
            List<String> acknowledged = new ArrayList<>();
            budget.get("acknowledgements").forEach(a -> acknowledged.add(a.get("ruleId").asString() + "@"
                    + a.get("path").asString() + ":" + a.get("explanation").asString()));
            List<String> acknowledgedSent = new ArrayList<>();
            sent.acknowledgements().forEach(a -> acknowledgedSent.add(a.get("ruleId").asString() + "@"
                    + a.get("path").asString() + ":" + a.get("explanation").asString()));
            if (!budget.get("status").asString().equals("SUBMITTED")
                    || !budget.get("submission").equals(sent.budget())
                    || !acknowledged.equals(acknowledgedSent)
                    || !clerk.equals(budget.get("submittedBy").asString())
                    || budget.get("version").asLong() != 1
                    || !steps.equals(List.of("CREATED", "SUBMITTED"))) {
                wrong.add("budget " + budget.get("status") + " v" + budget.get("version") + " " + steps + " "
                        + acknowledged + " submission equal: " + budget.get("submission").equals(sent.budget()));
            }
        }
        if (!wrong.isEmpty()) {
            errors.add(new Error(code, "stored state", String.join("; ", wrong)));
        }
        return wrong.isEmpty();
    }

    /**
     * bureau-reviewer approves the fifty at once; the first five get four approvals each at the same moment: one
     * 200, three 409 problems, and one APPROVED step in the history.
     */
    private void approveAllAtOnce(List<String> codes) throws Exception {
        Map<String, List<StaffClient.Answer>> answers = new ConcurrentHashMap<>();
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < codes.size(); i++) {
                String code = codes.get(i);
                for (int k = 0; k < (i < 5 ? 4 : 1); k++) {
                    all.add(pool.submit(() -> {
                        go.await();
                        StaffClient.Answer a = call(() -> client.post("/api/v1/budgets/" + code + "-2024-r1/approval",
                                "bureau-reviewer", null));
                        answers.computeIfAbsent(code, c -> Collections.synchronizedList(new ArrayList<>())).add(a);
                        return null;
                    }));
                }
            }
            go.countDown();
            for (Future<?> f : all) {
                f.get();
            }
        }
        for (String code : codes) {
            List<StaffClient.Answer> list = answers.getOrDefault(code, List.of());
            long ok = list.stream().filter(a -> a != null && a.status() == 200).count();
            long refused = list.stream().filter(a -> a != null && a.status() == 409
                    && String.valueOf(a.header("Content-Type")).startsWith("application/problem+json")).count();
            if (ok != 1 || ok + refused != list.size()) {
                errors.add(new Error(code, "approve", "answers " + list.stream()
                        .map(a -> a == null ? "none" : a.status() + " " + abbreviate(a.body())).toList()));
            }
            JsonNode budget = get("/api/v1/budgets/" + code + "-2024-r1", "bureau-reviewer");
            int approvedSteps = 0;
            if (budget != null) {
                for (JsonNode step : budget.get("history")) {
                    approvedSteps += step.get("step").asString().equals("APPROVED") ? 1 : 0;
                }
            }
            if (budget == null || !budget.get("status").asString().equals("APPROVED") || approvedSteps != 1) {
                errors.add(new Error(code, "approve", "stored " + (budget == null ? null : budget.get("status"))
                        + " with " + approvedSteps + " APPROVED steps"));
            }
        }
    }

    /** Waits until publication-service shows a draft for every approval; returns how many of ours it holds. */
    private int draftsInPublicationService(List<String> codes) throws InterruptedException {
        Map<String, String> found = new TreeMap<>();
        for (int attempt = 0; attempt < 240; attempt++) {
            found.clear();
            for (int page = 0; page < 20; page++) {
                JsonNode list = get("/api/v1/publications?fiscalYear=2024&size=100&page=" + page, "bureau-publisher");
                if (list == null) {
                    break;
                }
                for (JsonNode item : list.get("items")) {
                    String code = item.get("departmentCode").asString();
                    if (codes.contains(code)) {
                        if (found.put(code, item.get("status").asString()) != null) {
                            errors.add(new Error(code, "drafts", "listed twice"));
                        }
                    }
                }
                if ((page + 1) * 100L >= list.get("total").asLong()) {
                    break;
                }
            }
            if (found.size() == codes.size() && found.values().stream().allMatch("DRAFT"::equals)) {
                return found.size();
            }
            Thread.sleep(500);
        }
        errors.add(new Error("publication-service", "drafts", "after 2 minutes: " + found));
        return (int) found.values().stream().filter("DRAFT"::equals).count();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // optimistic locking helpers

    private void ensureDepartmentWithProfile(String code) throws Exception {
        new KeycloakUsers(RunningStack.get().settings().keycloakPort())
                .ensureUser(clerk(code), code, "department-clerk");
        StaffClient.Answer registered = client.post("/api/v1/departments", "bureau-admin", Map.of("code", code,
                "name", "綦江区并发测试单位" + code, "shortName", "并发" + code, "district", "重庆市綦江区", "kind", "ADMINISTRATIVE"));
        assertThat(registered.status()).as(registered.body()).isIn(201, 409);
        String path = "/api/v1/departments/" + code + "/profiles/2024";
        if (client.get(path, clerk(code)).status() == 404) {
            StaffClient.Answer put = client.put(path, clerk(code), facts.get("department").get("profile"));
            assertThat(put.status()).as(put.body()).isEqualTo(201);
        }
    }

    /** Sends every body at the same moment (one virtual thread each, released together). */
    private <T> List<StaffClient.Answer> race(List<T> bodies, java.util.function.Function<T, StaffClient.Answer> send)
            throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<StaffClient.Answer>> futures = new ArrayList<>();
            for (T body : bodies) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return send.apply(body);
                }));
            }
            go.countDown();
            List<StaffClient.Answer> answers = new ArrayList<>();
            for (Future<StaffClient.Answer> f : futures) {
                answers.add(f.get());
            }
            return answers;
        }
    }

    /** Exactly one 200; every other answer a 412 or 409 problem+json. Returns the winner's index. */
    private static int onlyWinner(String what, List<StaffClient.Answer> answers) {
        List<Integer> winners = new ArrayList<>();
        for (int k = 0; k < answers.size(); k++) {
            StaffClient.Answer a = answers.get(k);
            if (a.status() == 200) {
                winners.add(k);
            } else {
                assertThat(a.status()).as("%s loser %d: %s", what, k, a.body()).isIn(409, 412);
                assertThat(a.header("Content-Type")).startsWith("application/problem+json");
            }
        }
        assertThat(winners).as("%s: winners among %s", what, statuses(answers)).hasSize(1);
        return winners.get(0);
    }

    private static Map<Integer, Long> statuses(List<StaffClient.Answer> answers) {
        Map<Integer, Long> tally = new TreeMap<>();
        answers.forEach(a -> tally.merge(a.status(), 1L, Long::sum));
        return tally;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // small helpers

    static String clerk(String code) {
        return "cc-clerk-" + code;
    }

    /** The seed's budget for another department and year; {@code mark} makes each department's texts its own. */
    private ObjectNode budgetOf(String code, int fiscalYear, String mark) {
        ObjectNode budget = (ObjectNode) facts.get("budget").deepCopy();
        budget.put("departmentCode", code);
        budget.put("fiscalYear", fiscalYear);
        ((ObjectNode) budget.get("priorYear")).put("fiscalYear", fiscalYear - 1);
        budget.put("basicExpenditureUse", budget.get("basicExpenditureUse").asString() + "（" + mark + "）");
        return budget;
    }

    private boolean expect(String who, String step, int status, StaffClient.Answer answer) {
        if (answer == null) {
            return false;
        }
        staffRequests.incrementAndGet();
        if (answer.status() != status) {
            errors.add(new Error(who, step, "expected " + status + ", got " + answer.status() + " "
                    + abbreviate(answer.body())));
            return false;
        }
        return true;
    }

    private JsonNode get(String path, String user) {
        StaffClient.Answer a = call(() -> client.get(path, user));
        return a != null && a.status() == 200 ? a.json() : null;
    }

    /** A staff call; a call without any answer is an error, not an exception that stops the other workflows. */
    private StaffClient.Answer call(java.util.function.Supplier<StaffClient.Answer> send) {
        try {
            StaffClient.Answer answer = send.get();
            staffRequests.incrementAndGet();
            return answer;
        } catch (RuntimeException e) {
            errors.add(new Error("staff", "call", e.toString()));
            return null;
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "null" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    interface Task {
        void run(String code) throws Exception;
    }

    private static void inParallel(int threads, List<String> codes, Task task) throws Exception {
        Semaphore permits = new Semaphore(threads);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> all = new ArrayList<>();
            for (String code : codes) {
                all.add(pool.submit(() -> {
                    permits.acquire();
                    try {
                        task.run(code);
                    } finally {
                        permits.release();
                    }
                    return null;
                }));
            }
            for (Future<?> f : all) {
                f.get();
            }
        }
    }

    /**
     * What the readers pull: the list, a released disclosure's current version as JSON (the seed's, or the first the
     * list shows should another test have withdrawn it), its text, the feed, and that version conditionally
     * (If-None-Match with its ETag, so 304). Each is checked once before the rush.
     */
    private List<Readers.Path> publicPaths() {
        List<Readers.Path> paths = new ArrayList<>(List.of(
                new Readers.Path("/public/v1/publications?fiscalYear=2024", null),
                new Readers.Path("/public/v1/releases?limit=50", null)));
        String current = "/public/v1/publications/405001/2024";
        StaffClient.Answer seed = client.get(current, null);
        String versionPath;
        if (seed.status() == 200) {
            versionPath = current + "/versions/" + seed.json().get("version").asInt();
        } else {
            JsonNode listed = client.get("/public/v1/publications?fiscalYear=2024", null).json().get("items");
            assertThat(listed).as("a released disclosure to read").isNotEmpty();
            versionPath = listed.get(0).get("link").asString();
            current = versionPath.substring(0, versionPath.indexOf("/versions/"));
        }
        StaffClient.Answer exact = client.get(versionPath, null);
        assertThat(exact.status()).as(exact.body()).isEqualTo(200);
        assertThat(exact.header("ETag")).isNotBlank();
        paths.add(new Readers.Path(current, null));
        paths.add(new Readers.Path(versionPath + ".txt", null));
        paths.add(new Readers.Path(versionPath, exact.header("ETag")));
        for (Readers.Path p : paths) {
            assertThat(client.get(p.path(), null).status()).as(p.path()).isEqualTo(200);
        }
        return paths;
    }

    /** Anonymous readers at a steady pace below the gateway's per-address limit (4 × 8/s against 50/s). */
    static final class Readers {

        record Path(String path, String ifNoneMatch) {
        }

        record Tally(long requests, Map<Integer, Long> byStatus, List<String> errors) {
        }

        private final AtomicBoolean stop = new AtomicBoolean();
        private final AtomicLong requests = new AtomicLong();
        private final Map<Integer, AtomicLong> byStatus = new ConcurrentHashMap<>();
        private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
        private final List<Thread> threads = new ArrayList<>();

        static Readers start(List<Path> paths) {
            Readers r = new Readers();
            for (int i = 0; i < READERS; i++) {
                int reader = i;
                r.threads.add(Thread.ofVirtual().name("public-reader-" + i).start(() -> r.read(reader, paths)));
            }
            return r;
        }

        private void read(int reader, List<Path> paths) {
            long pace = (long) (1e9 / READS_PER_SECOND_EACH);
            long next = System.nanoTime();
            for (int n = reader; !stop.get(); n++) {
                Path p = paths.get(n % paths.size());
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RunningStack.gateway() + p.path()))
                        .timeout(Duration.ofSeconds(30)).GET();
                if (p.ifNoneMatch() != null) {
                    request.header("If-None-Match", p.ifNoneMatch());
                }
                try {
                    HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
                    requests.incrementAndGet();
                    byStatus.computeIfAbsent(answer.statusCode(), s -> new AtomicLong()).incrementAndGet();
                    int expected = p.ifNoneMatch() != null ? 304 : 200;
                    if (answer.statusCode() != expected) {
                        errors.add(p.path() + " -> " + answer.statusCode() + " " + abbreviate(answer.body()));
                    }
                } catch (Exception e) {
                    requests.incrementAndGet();
                    errors.add(p.path() + " -> " + e);
                }
                next += pace;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    try {
                        Thread.sleep(Duration.ofNanos(wait));
                    } catch (InterruptedException e) {
                        return;
                    }
                } else {
                    next = System.nanoTime(); // behind: no burst to catch up
                }
            }
        }

        Tally stop() throws InterruptedException {
            stop.set(true);
            for (Thread t : threads) {
                t.join(Duration.ofSeconds(60));
            }
            Map<Integer, Long> tally = new TreeMap<>();
            byStatus.forEach((s, n) -> tally.put(s, n.get()));
            return new Tally(requests.get(), tally, List.copyOf(errors));
        }
    }
}

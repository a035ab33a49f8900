package cn.finance.disclosure.system;

import cn.finance.disclosure.stack.DemoLoader;
import cn.finance.disclosure.stack.StaffClient;
import cn.finance.disclosure.system.HostileRequests.BodyKind;
import cn.finance.disclosure.system.HostileRequests.Endpoint;
import cn.finance.disclosure.system.HostileRequests.Kind;
import cn.finance.disclosure.system.HostileRequests.Request;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A generated corpus of hostile requests ({@link HostileRequests}) against every write endpoint of the staff API,
 * through the gateway with real Keycloak tokens of users allowed to call them. Every answer must be a 4xx
 * {@code application/problem+json} (the gateway's own answers included), none a 5xx, and everything stored must be
 * exactly as before (every document of the three databases, compared after the outbox relays went idle).
 *
 * <p>Each base request is refused even when valid (an existing code, a stale If-Match, an approved budget, a released
 * disclosure with a wrong content hash, a CSV with an invalid line), so the corpus cannot change state even where a
 * mutation happens to produce a valid request; the bases themselves are checked first.
 */
class BadInputSystemTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private static final String ZERO_HASH = "0".repeat(64);
    private static final java.util.concurrent.atomic.AtomicInteger RETRIES = new java.util.concurrent.atomic.AtomicInteger();

    final StaffClient client = RunningStack.client();
    final int mongoPort = RunningStack.get().settings().mongoPort();

    record Outcome(Request request, int status, String contentType, String body) {
        boolean is4xx() {
            return status >= 400 && status < 500;
        }

        boolean is5xx() {
            return status >= 500;
        }

        boolean problemJson() {
            if (contentType == null || !contentType.startsWith("application/problem+json")) {
                return false;
            }
            try {
                JsonNode problem = StaffClient.JSON.readTree(body);
                return problem.isObject() && problem.path("status").asInt() == status && problem.hasNonNull("type");
            } catch (RuntimeException e) {
                return false;
            }
        }

        boolean ok() {
            return is4xx() && problemJson();
        }
    }

    @Test
    void everyHostileRequestIsA4xxProblemAndNothingStoredChanges() throws Exception {
        List<Endpoint> endpoints = endpoints();
        List<Request> corpus = HostileRequests.generate(endpoints);
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(300);
        assertThat(corpus).extracting(r -> r.endpoint().name()).containsAll(endpoints.stream().map(Endpoint::name).toList());

        Map<String, List<String>> before = idleState();
        for (Endpoint e : endpoints) { // the trick only holds if each base is refused as planned
            Outcome base = send(new Request(Kind.MALFORMED_JSON, e, "base", e.method(), e.basePath(),
                    baseHeaders(e), e.baseBody(), false, false));
            assertThat(base.status()).as("base of %s: %s", e.name(), base.body()).isIn(e.baseRefusal().toArray());
        }

        long t0 = System.nanoTime();
        List<Outcome> outcomes = sendAll(corpus);
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, List<String>> after = StoredState.snapshot(mongoPort);
        List<String> changes = differences(before, after);

        report(outcomes, seconds, changes.isEmpty());
        List<Outcome> failed = outcomes.stream().filter(o -> !o.ok()).toList();
        assertThat(changes).as("stored state changed by refused requests").isEmpty();
        assertThat(failed.size()).as("answers that are not a 4xx problem+json (5xx: %d):%n%s",
                failed.stream().filter(Outcome::is5xx).count(), describe(failed)).isZero();
    }

    /**
     * What the strict JSON reader refuses (unknown members, duplicate members, a number where text is expected, a
     * fraction where an integer is expected; see service-support's WebSupport#strictRequestReading) must not get in
     * another way: not as another body format the services also read, not by coercion. Each base here is refused
     * anyway (an existing code, an existing budget), so a 409 means the body itself was accepted.
     */
    @Test
    void whatTheStrictJsonReaderRefusesGetsInNeitherAsAnotherFormatNorByCoercion() throws Exception {
        JsonNode facts = DemoLoader.seedFacts();
        ObjectNode registration = registration(facts.get("department"));
        String yamlUnknown = "code: \"405001\"\nname: x\nshortName: x\ndistrict: x\nkind: x\nunexpected: 1\n$where: sleep(1)\n";
        String yamlDuplicate = "code: \"405001\"\nname: x\nname: y\nshortName: x\ndistrict: x\nkind: x\n";
        ObjectNode numericCode = registration.deepCopy().put("code", 405001);
        ObjectNode fractionYear = ((ObjectNode) facts.get("budget").deepCopy()).put("fiscalYear", 2024.7);
        Map<String, Outcome> cases = new LinkedHashMap<>();
        Endpoint register = endpoints().get(0);
        Endpoint create = endpoints().stream().filter(e -> e.name().equals("budgets.create")).findFirst().orElseThrow();
        cases.put("YAML body with unknown members and a $where key", send(new Request(Kind.WRONG_CONTENT_TYPE, register,
                "yaml", "POST", register.basePath(), List.of("Content-Type", "application/yaml"),
                yamlUnknown.getBytes(StandardCharsets.UTF_8), false, false)));
        cases.put("YAML body with a duplicate member", send(new Request(Kind.WRONG_CONTENT_TYPE, register, "yaml",
                "POST", register.basePath(), List.of("Content-Type", "application/yaml"),
                yamlDuplicate.getBytes(StandardCharsets.UTF_8), false, false)));
        cases.put("JSON number as the department code", send(new Request(Kind.WRONG_TYPE, register, "number", "POST",
                register.basePath(), List.of("Content-Type", "application/json"),
                StaffClient.JSON.writeValueAsBytes(numericCode), false, false)));
        cases.put("fiscal year 2024.7", send(new Request(Kind.NUMBER_RANGE, create, "fraction", "POST",
                create.basePath(), List.of("Content-Type", "application/json"),
                StaffClient.JSON.writeValueAsBytes(fractionYear), false, false)));
        List<String> accepted = new ArrayList<>();
        cases.forEach((what, o) -> {
            System.out.printf("[bad-input] strict reading: %s -> %d %s%n", what, o.status(), abbreviate(o.body(), 160));
            if (!(o.status() == 400 || o.status() == 415) || !o.problemJson()) {
                accepted.add(what + " -> " + o.status() + " " + abbreviate(o.body(), 200));
            }
        });
        assertThat(accepted).as("bodies the strict JSON reader refuses, accepted another way (expected 400 or 415)")
                .isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** Every write endpoint of the staff API, each with a base request that is refused even when valid. */
    static List<Endpoint> endpoints() {
        JsonNode facts = DemoLoader.seedFacts();
        JsonNode budget = facts.get("budget");
        JsonNode profile = facts.get("department").get("profile");
        ObjectNode registration = registration(facts.get("department"));
        ObjectNode acknowledgements = StaffClient.JSON.createObjectNode();
        acknowledgements.putArray("acknowledgements").addObject().put("ruleId", "V06-REVENUE-EXPENDITURE-DELTA")
                .put("path", "priorYear").put("explanation", "2023年支出中含使用上年结转资金16万元，收入预算未列示该结转");
        ObjectNode reason = StaffClient.JSON.createObjectNode().put("reason", "科目使用有误，请修改后重新提交");
        ObjectNode step = StaffClient.JSON.createObjectNode().put("contentHash", ZERO_HASH);
        ObjectNode reasoned = StaffClient.JSON.createObjectNode().put("contentHash", ZERO_HASH)
                .put("reason", "更正第3页数据");
        String csv = "科目编码,科目名称\n201,一般公共服务支出\n" + HostileRequests.INVALID_CSV_LINE + "\n";
        String seed = "405001-2024-r1"; // APPROVED: frozen, every transition and edit is refused
        String missing = "405001-2024-r99";
        String publication = "405001-2024"; // RELEASED; no content hash sent is ever its own
        return List.of(
                new Endpoint("departments.register", "POST", "/api/v1/departments", Map.of(), "bureau-admin",
                        null, false, BodyKind.JSON, registration, null, Set.of("code"), Set.of(409)),
                new Endpoint("profiles.put", "PUT", "/api/v1/departments/{code}/profiles/{fiscalYear}",
                        params("code", "405001", "fiscalYear", "2024"), "fgu-clerk", "\"999\"", false,
                        BodyKind.JSON, profile, null, Set.of("fiscalYear"), Set.of(412)),
                new Endpoint("profiles.copyOfPreviousYear", "POST",
                        "/api/v1/departments/{code}/profiles/{fiscalYear}/copy-of-previous-year",
                        params("code", "405001", "fiscalYear", "2024"), "fgu-clerk", null, false, BodyKind.NONE,
                        null, null, Set.of(), Set.of(409)),
                new Endpoint("budgets.create", "POST", "/api/v1/budgets", Map.of(), "fgu-clerk", null, false,
                        BodyKind.JSON, budget, null, Set.of("departmentCode", "fiscalYear"), Set.of(409)),
                new Endpoint("budgets.update", "PUT", "/api/v1/budgets/{id}", params("id", seed), "fgu-clerk",
                        "\"999\"", true, BodyKind.JSON, budget, null, Set.of("departmentCode", "fiscalYear"),
                        Set.of(412)),
                new Endpoint("budgets.validate", "POST", "/api/v1/budgets/{id}/validation", params("id", missing),
                        "fgu-clerk", null, false, BodyKind.NONE, null, null, Set.of(), Set.of(404)),
                new Endpoint("budgets.submit", "POST", "/api/v1/budgets/{id}/submission", params("id", seed),
                        "fgu-clerk", "\"999\"", true, BodyKind.JSON, acknowledgements, null, Set.of(), Set.of(412)),
                new Endpoint("budgets.approve", "POST", "/api/v1/budgets/{id}/approval", params("id", seed),
                        "bureau-reviewer", "\"999\"", true, BodyKind.NONE, null, null, Set.of(), Set.of(412)),
                new Endpoint("budgets.return", "POST", "/api/v1/budgets/{id}/return", params("id", seed),
                        "bureau-reviewer", "\"999\"", true, BodyKind.JSON, reason, null, Set.of(), Set.of(412)),
                new Endpoint("budgets.revise", "POST", "/api/v1/budgets/{id}/revisions", params("id", missing),
                        "fgu-clerk", null, false, BodyKind.NONE, null, null, Set.of(), Set.of(404)),
                new Endpoint("catalogs.upload", "PUT", "/api/v1/budgets/catalogs/{fiscalYear}/{kind}",
                        params("fiscalYear", "2024", "kind", "function"), "bureau-admin", null, false, BodyKind.CSV,
                        null, csv, Set.of(), Set.of(400)),
                new Endpoint("publications.confirm", "POST", "/api/v1/publications/{publicationId}/confirmation",
                        params("publicationId", publication), "fgu-head", null, false, BodyKind.JSON, step, null,
                        Set.of(), Set.of(409)),
                new Endpoint("publications.release", "POST", "/api/v1/publications/{publicationId}/release",
                        params("publicationId", publication), "bureau-publisher", null, false, BodyKind.JSON, step,
                        null, Set.of(), Set.of(409)),
                new Endpoint("publications.correct", "POST", "/api/v1/publications/{publicationId}/correction",
                        params("publicationId", publication), "bureau-publisher", null, false, BodyKind.JSON, reasoned,
                        null, Set.of(), Set.of(409)),
                new Endpoint("publications.withdraw", "POST", "/api/v1/publications/{publicationId}/withdrawal",
                        params("publicationId", publication), "bureau-publisher", null, false, BodyKind.JSON, reasoned,
                        null, Set.of(), Set.of(409)));
    }

    private static ObjectNode registration(JsonNode department) {
        ObjectNode r = StaffClient.JSON.createObjectNode();
        for (String field : List.of("code", "name", "shortName", "district", "kind")) {
            r.put(field, department.get(field).asString());
        }
        return r;
    }

    private static Map<String, String> params(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static List<String> baseHeaders(Endpoint e) {
        List<String> h = new ArrayList<>();
        if (e.baseContentType() != null) {
            h.addAll(List.of("Content-Type", e.baseContentType()));
        }
        if (e.ifMatch() != null) {
            h.addAll(List.of("If-Match", e.ifMatch()));
        }
        return h;
    }

    /** The stored state once the outbox relays and consumers are idle: two snapshots a second apart are equal. */
    private Map<String, List<String>> idleState() throws InterruptedException {
        Map<String, List<String>> previous = StoredState.snapshot(mongoPort);
        for (int i = 0; i < 120; i++) {
            Thread.sleep(1_000);
            Map<String, List<String>> current = StoredState.snapshot(mongoPort);
            if (current.equals(previous)) {
                return current;
            }
            previous = current;
        }
        throw new AssertionError("the stored state did not settle within 2 minutes");
    }

    private List<Outcome> sendAll(List<Request> corpus) throws Exception {
        Semaphore parallel = new Semaphore(4);
        List<Future<Outcome>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Request r : corpus) {
                futures.add(pool.submit(() -> {
                    parallel.acquire();
                    try {
                        return send(r);
                    } finally {
                        parallel.release();
                    }
                }));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get());
            }
            return outcomes;
        }
    }

    /** Sends raw bytes exactly as given (java.net.http): no re-encoding, so invalid UTF-8 reaches the gateway. */
    private Outcome send(Request r) {
        HttpRequest.BodyPublisher publisher = r.body() == null ? HttpRequest.BodyPublishers.noBody()
                : r.chunked() ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(r.body()))
                : HttpRequest.BodyPublishers.ofByteArray(r.body());
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(RunningStack.gateway() + r.path()))
                .timeout(Duration.ofSeconds(60))
                .method(r.method(), publisher)
                .header("Authorization", "Bearer " + client.token(r.endpoint().user()));
        if (r.expectContinue()) {
            builder.expectContinue(true);
        }
        for (int i = 0; i + 1 < r.headers().size(); i += 2) {
            builder.header(r.headers().get(i), r.headers().get(i + 1));
        }
        HttpRequest request = builder.build();
        try {
            try {
                return outcome(r, HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray()));
            } catch (IOException closed) {
                // a pooled connection the gateway closed after an early answer (413, 411) to a previous request:
                // once more on a new connection; a second failure is a request that gets no answer at all
                RETRIES.incrementAndGet();
                try (HttpClient fresh = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                        .version(HttpClient.Version.HTTP_1_1).build()) {
                    return outcome(r, fresh.send(request, HttpResponse.BodyHandlers.ofByteArray()));
                }
            }
        } catch (IOException e) {
            return new Outcome(r, -1, null, "no answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Outcome outcome(Request r, HttpResponse<byte[]> response) {
        return new Outcome(r, response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                new String(response.body(), StandardCharsets.UTF_8));
    }

    private static List<String> differences(Map<String, List<String>> before, Map<String, List<String>> after) {
        List<String> changes = new ArrayList<>();
        Set<String> collections = new java.util.TreeSet<>(before.keySet());
        collections.addAll(after.keySet());
        for (String c : collections) {
            List<String> b = before.getOrDefault(c, List.of());
            List<String> a = after.getOrDefault(c, List.of());
            if (b.equals(a)) {
                continue;
            }
            List<String> added = new ArrayList<>(a);
            added.removeAll(b);
            List<String> removed = new ArrayList<>(b);
            removed.removeAll(a);
            changes.add(c + ": " + b.size() + " -> " + a.size() + " documents; now " + added.stream()
                    .map(d -> abbreviate(d, 300)).toList() + "; before " + removed.stream()
                    .map(d -> abbreviate(d, 300)).toList());
        }
        return changes;
    }

    private static void report(List<Outcome> outcomes, double seconds, boolean stateUnchanged) {
        Map<Kind, int[]> byKind = new EnumMap<>(Kind.class);
        for (Outcome o : outcomes) {
            int[] c = byKind.computeIfAbsent(o.request().kind(), k -> new int[4]);
            c[0]++;
            c[1] += o.is4xx() ? 1 : 0;
            c[2] += o.is5xx() ? 1 : 0;
            c[3] += o.problemJson() ? 1 : 0;
        }
        byKind.forEach((kind, c) -> System.out.printf("[report] bad-input %-18s requests=%d, 4xx=%d, 5xx=%d, "
                + "problem-json=%d  (%s)%n", kind, c[0], c[1], c[2], c[3], kind.description));
        Map<String, int[]> byEndpoint = new TreeMap<>();
        for (Outcome o : outcomes) {
            int[] c = byEndpoint.computeIfAbsent(o.request().endpoint().name(), k -> new int[2]);
            c[0]++;
            c[1] += o.ok() ? 0 : 1;
        }
        byEndpoint.forEach((name, c) -> System.out.printf("[report] bad-input endpoint %-28s requests=%d, "
                + "not-4xx-problem=%d%n", name, c[0], c[1]));
        Map<Integer, Long> statuses = new TreeMap<>();
        outcomes.forEach(o -> statuses.merge(o.status(), 1L, Long::sum));
        System.out.printf("[report] bad-input statuses %s, %.1f s, %d resent on a new connection%n", statuses, seconds,
                RETRIES.get());
        System.out.printf("[report] bad-input: requests=%d, 4xx=%d, 5xx=%d, problem-json=%d, state-unchanged=%s%n",
                outcomes.size(), outcomes.stream().filter(Outcome::is4xx).count(),
                outcomes.stream().filter(Outcome::is5xx).count(),
                outcomes.stream().filter(Outcome::problemJson).count(), stateUnchanged);
    }

    /** Failures grouped by what they have in common, with up to three examples each. */
    private static String describe(List<Outcome> failed) {
        Map<String, List<Outcome>> groups = new LinkedHashMap<>();
        for (Outcome o : failed) {
            String key = o.request().kind() + " -> " + o.status() + " " + Objects.requireNonNullElse(o.contentType(),
                    "(no Content-Type)") + " " + gist(o.body());
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(o);
        }
        StringBuilder s = new StringBuilder();
        groups.forEach((key, list) -> {
            s.append("  ").append(list.size()).append(" × ").append(key).append('\n');
            for (Outcome o : list.subList(0, Math.min(3, list.size()))) {
                s.append("      e.g. ").append(o.request()).append('\n');
            }
        });
        return s.toString();
    }

    /** What kind of body: the problem type, or the first characters of anything else. */
    private static String gist(String body) {
        if (body.isEmpty()) {
            return "(empty body)";
        }
        try {
            JsonNode json = StaffClient.JSON.readTree(body);
            if (json.hasNonNull("type")) {
                return "type=" + json.get("type").asString();
            }
        } catch (RuntimeException notJson) {
            // shown as text
        }
        return abbreviate(body, 60);
    }

    private static String abbreviate(String s, int max) {
        String one = s.replace('\n', ' ');
        return one.length() > max ? one.substring(0, max) + "…" : one;
    }
}

package cn.finance.disclosure.system;

import cn.finance.disclosure.stack.DemoLoader;
import cn.finance.disclosure.stack.StaffClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import static cn.finance.disclosure.system.SecurityFixtures.DEMO_USERS;
import static cn.finance.disclosure.system.SecurityFixtures.PROBLEM_JSON;
import static cn.finance.disclosure.system.SecurityFixtures.PROBLEM_TYPE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every staff endpoint × every demo user and anonymous, through the gateway with real Keycloak tokens, each cell's
 * expected answer written in the table: the exact status and, for a refusal, why (the problem type). Department staff
 * reach only their own department (405002's clerk gets 404 on 405001's objects, and no answer of theirs carries
 * 405001's names or figures); a wrong role is 403, no token 401; every refusal is problem+json.
 *
 * <p>The matrix runs on the demo's seed (405001, budget 405001-2024-r1 APPROVED, disclosure 405001-2024 RELEASED as
 * version 1) and must leave it exactly as it found it, for the other test classes: each mutating request is chosen so
 * that even the user allowed to make it is refused by the state (register 405001 again, a stale If-Match, an approved
 * budget, a released disclosure, a wrong content hash). The stored documents are compared before and after.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessMatrixSystemTest {

    static final String SEED_BUDGET = "405001-2024-r1";
    static final String SEED_DISCLOSURE = "405001-2024";
    static final String WRONG_HASH = "0".repeat(64);
    static final String JSON = "application/json";
    /** 405001's names, contact, figures: none of them may reach 405002's clerk or an anonymous caller. */
    static final List<String> SEED_MARKERS = List.of("总工会", "张雪莲", "17783265987", "基层工作部", "2766200.00",
            "276.62");

    static String budgetVersion;
    static String seedHash;

    /** One row: a request and the expected answer for each of the seven callers. */
    record Row(String method, String path, String body, String contentType, List<String> headers, String expected,
               boolean scoped) {

        /** {@code expected}: seven answers, in the column order of {@link #COLUMNS}; "-" marks a cell left out. */
        static Row of(String method, String path, String body, String expected, String... headers) {
            return new Row(method, path, body, body == null ? null : JSON, List.of(headers), expected, true);
        }

        Row contentType(String type) {
            return new Row(method, path, body, type, headers, expected, scoped);
        }

        /** Not about one department's objects (API descriptions, the classification catalog): no leak check. */
        Row general() {
            return new Row(method, path, body, contentType, headers, expected, false);
        }

        String[] cells() {
            String[] cells = expected.trim().split("\\s+");
            if (cells.length != COLUMNS.size()) {
                throw new IllegalStateException(method + " " + path + ": " + cells.length + " cells, not 7");
            }
            return cells;
        }
    }

    /** fgu-clerk, fgu-head (405001), other-clerk (405002), bureau-reviewer, bureau-publisher, bureau-admin, nobody. */
    static final List<String> COLUMNS = columns();

    private static List<String> columns() {
        List<String> columns = new ArrayList<>(DEMO_USERS);
        columns.add(null); // anonymous
        return java.util.Collections.unmodifiableList(columns);
    }

    /**
     * The access matrix. A cell is the status, with the problem type after a colon where a refusal's reason must be
     * that one; 401, 403, 404 and 412 mean the types unauthorized, forbidden, not-found and stale-version.
     * {budgetVersion} is the seed budget's current version (its ETag), so the PUT reaches the frozen-budget check.
     */
    static List<Row> matrix() {
        String registerAgain = StaffClient.JSON.writeValueAsString(Map.of("code", "405001",
                "name", "重庆市綦江区总工会（本级）", "shortName", "綦江区总工会", "district", "重庆市綦江区",
                "kind", "ADMINISTRATIVE"));
        String profile = StaffClient.JSON.writeValueAsString(DemoLoader.seedFacts().get("department").get("profile"));
        String budget = StaffClient.JSON.writeValueAsString(DemoLoader.seedFacts().get("budget"));
        String returnReason = "{\"reason\":\"访问矩阵测试：此退回必须被拒绝\"}";
        String step = "{\"contentHash\":\"" + WRONG_HASH + "\"}";
        String reasoned = "{\"contentHash\":\"" + WRONG_HASH + "\",\"reason\":\"访问矩阵测试：此操作必须被拒绝\"}";
        String b = "/api/v1/budgets/" + SEED_BUDGET;
        String p = "/api/v1/publications/" + SEED_DISCLOSURE;
        return List.of(
                // columns: fgu-clerk fgu-head other-clerk bureau-reviewer bureau-publisher bureau-admin anonymous
                // department-service
                Row.of("POST", "/api/v1/departments", registerAgain,
                        "403 403 403 403 403 409:department-exists 401"),
                Row.of("GET", "/api/v1/departments", null, "200 200 200 200 200 200 401"),
                Row.of("GET", "/api/v1/departments?q=405001", null, "200 200 200 200 200 200 401"),
                Row.of("GET", "/api/v1/departments/405001", null, "200 200 404 200 200 200 401"),
                Row.of("GET", "/api/v1/departments/405001/profiles/2024", null, "200 200 404 200 200 200 401"),
                Row.of("PUT", "/api/v1/departments/405001/profiles/2024", profile,
                        "412 403 404 403 403 412 401", "If-Match", "\"999\""),
                Row.of("POST", "/api/v1/departments/405001/profiles/2024/copy-of-previous-year", null,
                        "409:profile-exists 403 404 403 403 409:profile-exists 401"),
                Row.of("GET", "/api/v1/departments/api-docs", null, "200 200 200 200 200 200 401").general(),
                Row.of("GET", "/api/v1/departments/admin/outbox-failures", null, "403 403 403 403 403 200 401")
                        .general(),
                // budget-service
                Row.of("POST", "/api/v1/budgets", budget, "409:budget-exists 403 403 403 403 403 401"),
                Row.of("GET", "/api/v1/budgets", null, "200 200 200 200 200 200 401"),
                Row.of("GET", "/api/v1/budgets?departmentCode=405001&fiscalYear=2024&status=APPROVED", null,
                        "200 200 200 200 200 200 401"),
                Row.of("GET", b, null, "200 200 404 200 200 200 401"),
                Row.of("PUT", b, budget, "409:illegal-transition 403 404 403 403 403 401",
                        "If-Match", "\"{budgetVersion}\""),
                // validating computes findings and stores nothing: whoever may read the budget may run it
                Row.of("POST", b + "/validation", null, "200 200 404 200 200 200 401"),
                Row.of("POST", b + "/submission", SecurityFixtures.WARNING_EXPLAINED,
                        "409:illegal-transition 403 404 403 403 403 401"),
                // a caller without the step's role is refused by role first (403), whichever department it is in
                Row.of("POST", b + "/approval", null, "403 403 403 409:illegal-transition 403 403 401"),
                Row.of("POST", b + "/return", returnReason, "403 403 403 409:illegal-transition 403 403 401"),
                // fgu-clerk's cell is left out: it would succeed (201) and create revision 2 of the seed, which other
                // test classes must not see. onADepartmentOfItsOwnOnlyItsOwnStaffReachItAndOnlyItsClerkRevises tests
                // that cell on a department of this class's own.
                Row.of("POST", b + "/revisions", null, "- 403 404 403 403 403 401"),
                Row.of("GET", "/api/v1/budgets/catalogs/2024", null, "200 200 200 200 200 200 401").general(),
                Row.of("PUT", "/api/v1/budgets/catalogs/2024/function", "not-a-code,这一行必须被拒绝\n",
                        "403 403 403 403 403 400:catalog-rejected 401").contentType("text/csv").general(),
                Row.of("GET", "/api/v1/budgets/api-docs", null, "200 200 200 200 200 200 401").general(),
                Row.of("GET", "/api/v1/budgets/admin/outbox-failures", null, "403 403 403 403 403 200 401").general(),
                // publication-service
                Row.of("GET", "/api/v1/publications", null, "200 200 200 200 200 200 401"),
                Row.of("GET", "/api/v1/publications?departmentCode=405001&fiscalYear=2024", null,
                        "200 200 200 200 200 200 401"),
                Row.of("GET", "/api/v1/publications?overdue=true", null, "200 200 200 200 200 200 401"),
                Row.of("GET", p, null, "200 200 404 200 200 200 401"),
                Row.of("POST", p + "/confirmation", step, "403 409:nothing-to-confirm 403 403 403 403 401"),
                Row.of("POST", p + "/release", step, "403 403 403 403 409:nothing-to-release 403 401"),
                Row.of("POST", p + "/correction", reasoned, "403 403 403 403 409:nothing-to-release 403 401"),
                Row.of("POST", p + "/withdrawal", reasoned, "403 403 403 403 409:content-hash-mismatch 403 401"),
                Row.of("GET", "/api/v1/publications/api-docs", null, "200 200 200 200 200 200 401").general(),
                Row.of("GET", "/api/v1/publications/admin/outbox-failures", null, "403 403 403 403 403 200 401")
                        .general(),
                Row.of("GET", "/api/v1/publications/admin/dead-letters", null, "403 403 403 403 403 200 401")
                        .general(),
                // an unknown letter: even the administrator finds nothing to replay, so nothing changes
                Row.of("POST", "/api/v1/publications/admin/dead-letters/finance.budget.events-0-999999999999/replay",
                        null, "403 403 403 403 403 404 401").general(),
                // the administrator's cell is left out: replaying all records the replay on any letter another
                // test class parked, and this matrix must change nothing; DeadLetterReplayIntegrationTest covers it
                Row.of("POST", "/api/v1/publications/admin/dead-letters/replay", null,
                        "403 403 403 403 403 - 401").general());
    }

    /** The seed as the demo leaves it, which the table's expectations are written for. */
    @BeforeAll
    static void theSeedIsApprovedAndReleased() {
        StaffClient client = RunningStack.client();
        JsonNode disclosure = SecurityFixtures.awaitDisclosure(SEED_DISCLOSURE, Set.of("RELEASED"));
        assertThat(disclosure.path("draft").isNull() || disclosure.path("draft").isMissingNode())
                .as("no draft pending on the seed's disclosure").isTrue();
        seedHash = disclosure.get("versions").get(0).get("contentHash").asString();
        StaffClient.Answer budget = client.get("/api/v1/budgets/" + SEED_BUDGET, "fgu-clerk");
        assertThat(budget.json().get("status").asString()).isEqualTo("APPROVED");
        budgetVersion = budget.json().get("version").asString();
        assertThat(budget.header("ETag")).isEqualTo("\"" + budgetVersion + "\"");
        assertThat(client.get("/api/v1/budgets?departmentCode=405001&fiscalYear=2024", "bureau-reviewer").json()
                .get("total").asLong()).as("only the seed's revision 1 exists").isEqualTo(1);
    }

    @Test
    @Order(1)
    void everyStaffEndpointAnswersEachDemoUserAndAnonymousExactlyAsTheTableSaysAndChangesNothing() {
        Map<String, List<String>> before = SecurityFixtures.quietState();
        List<String> mismatches = new ArrayList<>();
        int cells = 0;
        for (Row row : matrix()) {
            String[] expected = row.cells();
            for (int column = 0; column < COLUMNS.size(); column++) {
                if (expected[column].equals("-")) {
                    continue;
                }
                cells++;
                String user = COLUMNS.get(column);
                StaffClient.Answer answer = call(row, user);
                String problem = check(row, user, expected[column], answer, SEED_OUTSIDERS, seedSecrets());
                if (problem != null) {
                    mismatches.add(row.method() + " " + row.path() + " as " + (user == null ? "anonymous" : user)
                            + ": " + problem);
                }
            }
        }
        Map<String, List<String>> after = SecurityFixtures.quietState();
        if (!after.equals(before)) {
            mismatches.add("the stored state changed: " + StateDiff.of(before, after));
        }
        System.out.printf("[report] access-matrix: cells=%d, mismatches=%d%n", cells, mismatches.size());
        assertThat(mismatches).as("cells that did not answer as the table says").isEmpty();
        long leftOut = matrix().stream().flatMap(row -> java.util.Arrays.stream(row.cells()))
                .filter("-"::equals).count();
        assertThat(leftOut).as("cells the matrix leaves out on purpose").isEqualTo(2);
        assertThat(cells).isEqualTo(matrix().size() * COLUMNS.size() - leftOut);
    }

    /**
     * On a department of this test's own, with an approved budget and its disclosure: the seed's clerk and head, like
     * 405002's clerk, get 404 and nothing of it (another department's head, which the demo has no user for); and the
     * cell the matrix leaves out: the department's own clerk starts a revision (201, once: a second is 409), everyone
     * else is refused.
     */
    @Test
    @Order(2)
    void onADepartmentOfItsOwnOnlyItsOwnStaffReachItAndOnlyItsClerkRevises() throws Exception {
        String code = "411" + ThreadLocalRandom.current().nextInt(100, 1000);
        String name = "綦江区访问矩阵测试单位" + code;
        String clerk = "matrix-clerk-" + code;
        SecurityFixtures.departmentWithProfile(code, name);
        new KeycloakUsers(RunningStack.get().settings().keycloakPort()).ensureUser(clerk, code, "department-clerk");
        String id = SecurityFixtures.submittedBudget(code, clerk);
        StaffClient.Answer approved = RunningStack.client().post("/api/v1/budgets/" + id + "/approval",
                "bureau-reviewer", null);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        SecurityFixtures.awaitDisclosure(code + "-2024", Set.of("DRAFT"));

        // columns as in the matrix; the department's own clerk is checked after each row
        Row revise = Row.of("POST", "/api/v1/budgets/" + id + "/revisions", null, "404 403 404 403 403 403 401");
        List<Row> reads = List.of(
                Row.of("GET", "/api/v1/departments/" + code, null, "404 404 404 200 200 200 401"),
                Row.of("GET", "/api/v1/departments/" + code + "/profiles/2024", null, "404 404 404 200 200 200 401"),
                Row.of("GET", "/api/v1/budgets/" + id, null, "404 404 404 200 200 200 401"),
                Row.of("GET", "/api/v1/budgets?departmentCode=" + code, null, "200 200 200 200 200 200 401"),
                Row.of("GET", "/api/v1/publications/" + code + "-2024", null, "404 404 404 200 200 200 401"),
                Row.of("GET", "/api/v1/publications?departmentCode=" + code, null, "200 200 200 200 200 200 401"),
                revise);
        Set<String> bureau = Set.of("bureau-reviewer", "bureau-publisher", "bureau-admin");
        Predicate<String> outsider = user -> user == null || !bureau.contains(user);
        List<String> secrets = List.of(name, "张雪莲", "17783265987", "基层工作部", "2766200.00", "276.62");
        List<String> mismatches = new ArrayList<>();
        for (Row row : reads) {
            String[] expected = row.cells();
            for (int column = 0; column < COLUMNS.size(); column++) {
                String user = COLUMNS.get(column);
                String problem = check(row, user, expected[column], call(row, user), outsider, secrets);
                if (problem != null) {
                    mismatches.add(row.method() + " " + row.path() + " as " + user + ": " + problem);
                }
            }
            if (row != revise) {
                String problem = check(row, clerk, "200", call(row, clerk), outsider, List.of());
                if (problem != null) {
                    mismatches.add(row.method() + " " + row.path() + " as its own clerk: " + problem);
                }
            }
        }
        assertThat(mismatches).isEmpty();

        StaffClient.Answer revision = call(revise, clerk);
        assertThat(revision.status()).as(revision.body()).isEqualTo(201);
        assertThat(revision.json().get("id").asString()).isEqualTo(code + "-2024-r2");
        assertThat(revision.json().get("status").asString()).isEqualTo("DRAFT");
        assertThat(check(revise, clerk, "409:revision-exists", call(revise, clerk), outsider, List.of())).isNull();
        assertThat(RunningStack.client().get("/api/v1/budgets/" + id, clerk).json().get("status").asString())
                .isEqualTo("APPROVED");
    }

    private static StaffClient.Answer call(Row row, String user) {
        List<String> headers = new ArrayList<>();
        for (String header : row.headers()) {
            headers.add(header.replace("{budgetVersion}", budgetVersion));
        }
        if (row.contentType() != null) {
            headers.add("Content-Type");
            headers.add(row.contentType());
        }
        return SecurityFixtures.send(RunningStack.gateway(), row.method(), row.path(),
                user == null ? null : SecurityFixtures.bearer(user), row.body(), headers.toArray(String[]::new));
    }

    /** 405002's clerk and anonymous callers: none of the seed's names, contact, figures or hash may reach them. */
    static final Predicate<String> SEED_OUTSIDERS = user -> user == null || user.equals("other-clerk");

    static List<String> seedSecrets() {
        List<String> secrets = new ArrayList<>(SEED_MARKERS);
        secrets.add(seedHash);
        return secrets;
    }

    /**
     * Null when the answer is the expected one; otherwise what is wrong with it. An answer to an {@code outsider} on a
     * scoped row must not contain any of the {@code secrets}, whatever its status.
     */
    private static String check(Row row, String user, String cell, StaffClient.Answer answer,
                                Predicate<String> outsider, List<String> secrets) {
        String[] parts = cell.split(":", 2);
        int status = Integer.parseInt(parts[0]);
        String slug = parts.length > 1 ? parts[1] : switch (status) {
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 412 -> "stale-version";
            default -> null;
        };
        if (answer.status() != status) {
            return "expected " + cell + ", got " + answer.status() + " " + abbreviate(answer.body());
        }
        if (row.scoped() && outsider.test(user)) {
            for (String secret : secrets) {
                if (answer.body().contains(secret)) {
                    return "the answer carries \"" + secret + "\", which this caller must never see: "
                            + abbreviate(answer.body());
                }
            }
        }
        if (status < 400) {
            return null;
        }
        String contentType = answer.header("Content-Type");
        if (contentType == null || !contentType.startsWith(PROBLEM_JSON)) {
            return "refused as " + contentType + ", not " + PROBLEM_JSON + ": " + abbreviate(answer.body());
        }
        JsonNode problem = answer.json();
        if (problem.path("status").asInt() != status) {
            return "the problem's status member is " + problem.path("status") + ", not " + status;
        }
        if (slug != null && !problem.path("type").asString().equals(PROBLEM_TYPE + slug)) {
            return "expected problem type " + PROBLEM_TYPE + slug + ", got " + problem.path("type").asString()
                    + ": " + abbreviate(answer.body());
        }
        return null;
    }

    static String abbreviate(String body) {
        return body.length() <= 300 ? body : body.substring(0, 300) + "…";
    }

    /** Which stored documents differ, shortly: enough to see what a refused request wrote. */
    static final class StateDiff {
        static String of(Map<String, List<String>> before, Map<String, List<String>> after) {
            List<String> changes = new ArrayList<>();
            for (String collection : new java.util.TreeSet<>(union(before.keySet(), after.keySet()))) {
                List<String> was = before.getOrDefault(collection, List.of());
                List<String> is = after.getOrDefault(collection, List.of());
                if (!was.equals(is)) {
                    List<String> added = new ArrayList<>(is);
                    added.removeAll(was);
                    List<String> removed = new ArrayList<>(was);
                    removed.removeAll(is);
                    changes.add(collection + ": " + removed.size() + " documents changed or removed, "
                            + added.size() + " changed or added, e.g. "
                            + (added.isEmpty() ? "" : abbreviate(added.get(0))));
                }
            }
            return String.join("; ", changes);
        }

        private static Set<String> union(Set<String> a, Set<String> b) {
            Set<String> all = new java.util.HashSet<>(a);
            all.addAll(b);
            return all;
        }
    }
}

package cn.finance.disclosure.system;

import cn.finance.disclosure.stack.DemoLoader;
import cn.finance.disclosure.stack.StaffClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the security system tests share: requests with exactly the headers a case needs (to the gateway or straight to
 * a service), the problem+json check every refusal must pass, waiting until the stored state is quiet, and a
 * department of a test's own, driven up to a draft disclosure, so the demo's seed is never touched.
 */
final class SecurityFixtures {

    /** The demo users, in the column order of the access matrix; anonymous is the seventh column. */
    static final List<String> DEMO_USERS = List.of("fgu-clerk", "fgu-head", "other-clerk", "bureau-reviewer",
            "bureau-publisher", "bureau-admin");
    static final String PROBLEM_JSON = "application/problem+json";
    static final String PROBLEM_TYPE = "urn:finance:problem:";
    /** The seed's one warning, explained: what a clerk sends to submit a copy of the seed budget. */
    static final String WARNING_EXPLAINED = "{\"acknowledgements\":[{\"ruleId\":\"V06-REVENUE-EXPENDITURE-DELTA\","
            + "\"path\":\"priorYear\",\"explanation\":\"2023年支出中含使用上年结转资金16万元，收入预算未列示该结转\"}]}";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    /** A stored aggregate whose event (outbox) or release-feed entry (feedPending) still waits for its relay. */
    private static final Pattern PENDING = Pattern.compile("\"(outbox|feedPending)\"\\s*:\\s*\\[\\s*\\{");

    private SecurityFixtures() {
    }

    /**
     * One request to {@code baseUrl + path} with exactly the given headers (name, value, ...): no Content-Type is
     * added unless given, so a case controls every header. {@code authorization} null sends none.
     */
    static StaffClient.Answer send(String baseUrl, String method, String path, String authorization, String body,
                                   String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new StaffClient.Answer(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + baseUrl + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String bearer(String username) {
        return "Bearer " + RunningStack.client().token(username);
    }

    static String service(int port) {
        return "http://127.0.0.1:" + port;
    }

    /** A refusal: this status, as RFC 9457 problem+json whose status member agrees. */
    static void assertProblem(StaffClient.Answer answer, int status, String what) {
        assertThat(answer.status()).as(what + ": " + answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as(what + ": Content-Type").startsWith(PROBLEM_JSON);
        JsonNode problem = answer.json();
        assertThat(problem.path("status").asInt()).as(what + ": problem status").isEqualTo(status);
        assertThat(problem.path("type").asString()).as(what + ": problem type").startsWith(PROBLEM_TYPE);
    }

    /**
     * Every stored document, once no relay has work left and two reads a second apart agree: events already relayed
     * may still be on their way through Kafka to a consumer, and a snapshot taken then would change under the test.
     */
    static Map<String, List<String>> quietState() {
        int mongoPort = RunningStack.get().settings().mongoPort();
        Instant deadline = Instant.now().plusSeconds(90);
        Map<String, List<String>> previous = null;
        while (Instant.now().isBefore(deadline)) {
            Map<String, List<String>> current = StoredState.snapshot(mongoPort);
            boolean pending = current.values().stream().flatMap(List::stream)
                    .anyMatch(d -> PENDING.matcher(d).find());
            if (!pending && current.equals(previous)) {
                return current;
            }
            previous = pending ? null : current;
            sleep(pending ? 300 : 1_200);
        }
        throw new AssertionError("the stored state did not become quiet within 90 s");
    }

    /** Registers a department of the test's own (bureau-admin) and gives it the seed's 2024 profile. */
    static void departmentWithProfile(String code, String name) {
        StaffClient client = RunningStack.client();
        StaffClient.Answer registered = client.post("/api/v1/departments", "bureau-admin", Map.of("code", code,
                "name", name, "shortName", "安全测试单位", "district", "重庆市綦江区",
                "kind", "ADMINISTRATIVE"));
        assertThat(registered.status()).as("register " + code + ": " + registered.body()).isEqualTo(201);
        ObjectNode profile = (ObjectNode) DemoLoader.seedFacts().get("department").get("profile").deepCopy();
        StaffClient.Answer put = client.put("/api/v1/departments/" + code + "/profiles/2024", "bureau-admin", profile);
        assertThat(put.status()).as("profile of " + code + ": " + put.body()).isEqualTo(201);
    }

    /** The seed's budget as {@code code}'s 2024 submission, created and submitted by {@code clerk}; its id. */
    static String submittedBudget(String code, String clerk) {
        StaffClient client = RunningStack.client();
        ObjectNode budget = (ObjectNode) DemoLoader.seedFacts().get("budget").deepCopy();
        budget.put("departmentCode", code);
        StaffClient.Answer created = client.post("/api/v1/budgets", clerk, budget);
        assertThat(created.status()).as("create budget of " + code + ": " + created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        StaffClient.Answer submitted = client.post("/api/v1/budgets/" + id + "/submission", clerk, WARNING_EXPLAINED);
        assertThat(submitted.status()).as("submit " + id + ": " + submitted.body()).isEqualTo(200);
        assertThat(submitted.json().get("status").asString()).isEqualTo("SUBMITTED");
        return id;
    }

    /** The disclosure {@code id} as bureau-publisher sees it, once it has reached one of {@code statuses}. */
    static JsonNode awaitDisclosure(String id, Set<String> statuses) {
        StaffClient client = RunningStack.client();
        Instant deadline = Instant.now().plusSeconds(60);
        StaffClient.Answer last = null;
        while (Instant.now().isBefore(deadline)) {
            last = client.get("/api/v1/publications/" + id, "bureau-publisher");
            if (last.status() == 200 && statuses.contains(last.json().get("status").asString())) {
                return last.json();
            }
            sleep(250);
        }
        throw new AssertionError("disclosure " + id + " did not reach " + statuses + " within 60 s; last: " + last);
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

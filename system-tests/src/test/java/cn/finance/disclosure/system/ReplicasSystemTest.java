package cn.finance.disclosure.system;

import cn.finance.disclosure.stack.DemoLoader;
import cn.finance.disclosure.stack.LocalStack;
import cn.finance.disclosure.stack.Replicas;
import cn.finance.disclosure.stack.StackSettings;
import cn.finance.disclosure.stack.StaffClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static cn.finance.disclosure.system.StackScenarios.PUBLISHER;
import static cn.finance.disclosure.system.StackScenarios.REVIEWER;
import static cn.finance.disclosure.system.StackScenarios.YEAR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas of everything (each service, the gateway) behind nginx, with the gateways' anonymous rate limit in
 * Redis: its own stack, started by this class. A district's workload (departments registered, budgets submitted,
 * approved, disclosures confirmed and released) goes through the load balancer while one replica of each service is
 * killed with SIGKILL during the approvals and another during the releases, and a gateway node is killed under public
 * reads. Judged on the final state: no event lost on any topic (counted by event id), no event on a topic twice (a
 * relay killed between the broker's acknowledgement and the outbox removal leaves the event named in its claim, and
 * whoever takes the claim next finds it on the topic instead of publishing it again), no effect doubled in
 * publication-service, the feed's chain verified; and a client spreading its public reads over both gateway nodes is
 * limited as by one node. Departments 434xxx.
 */
class ReplicasSystemTest {

    static final int DEPARTMENTS = 20;
    /** Low, so that the shared limit shows with few requests; the workload's public reads stay below it. */
    static final int RATE_PER_SECOND = 5;
    static final int BURST = 60;
    /**
     * Processes with an outbox relay killed with SIGKILL. One killed after the broker acknowledged an event and before
     * it removed it from the outbox would publish it again when its claim is taken over, but for the lookup on the
     * topic of the message its claim names (service-support {@code OutboxRelay}): none may be on a topic twice.
     */
    static final int RELAYS_KILLED = 5;
    static final Duration CATCH_UP = Duration.ofMinutes(4);

    static LocalStack stack;
    static StackScenarios scenarios;

    @BeforeAll
    static void startReplicatedStack() throws IOException {
        Path root = StackSettings.findProjectRoot(Path.of(""));
        Path work = Files.createDirectories(root.resolve("system-tests/target/stack-replicas/"
                + ProcessHandle.current().pid()));
        StackSettings settings = StackSettings.forTests(root, work, true);
        PrintStream console = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        stack = new LocalStack(settings, Replicas.forTests(2, Map.of(
                "PUBLIC_RATE_LIMIT_RPS", String.valueOf(RATE_PER_SECOND),
                "PUBLIC_RATE_LIMIT_BURST", String.valueOf(BURST))), console);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "replicas-stack-shutdown"));
        long t0 = System.nanoTime();
        stack.start();
        log("replicated stack ready in %.1f s (logs in %s)", (System.nanoTime() - t0) / 1e9, settings.logDirectory());
        new DemoLoader(settings, console).load();
        scenarios = new StackScenarios(stack, new StaffClient(settings.gatewayUrl(), settings.issuer()));
    }

    @AfterAll
    static void stopReplicatedStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aDistrictWorkloadWithReplicasKilledLosesNothing_doublesNothing_andTheRateLimitIsShared() throws Exception {
        List<String> codes = new ArrayList<>();
        for (int i = 1; i <= DEPARTMENTS; i++) {
            codes.add(String.valueOf(434100 + i));
        }
        Map<String, String> budgets = new LinkedHashMap<>();
        for (String code : codes) {
            budgets.put(code, scenarios.submittedBudget(code));
        }
        codes.forEach(scenarios::awaitProfileKnown);

        // approvals, with one replica of each service killed (SIGKILL) part way
        int i = 0;
        for (var budget : budgets.entrySet()) {
            if (i == DEPARTMENTS / 4) {
                kill(Replicas.instance(LocalStack.BUDGET, 2), Replicas.instance(LocalStack.DEPARTMENT, 2));
            }
            if (i == DEPARTMENTS / 2) {
                kill(Replicas.instance(LocalStack.PUBLICATION, 2));
            }
            approve(budget.getValue());
            i++;
        }
        restartStopped();

        // releases, with the other replica of publication-service and of budget-service killed part way
        i = 0;
        for (String code : codes) {
            if (i == DEPARTMENTS / 4) {
                kill(LocalStack.PUBLICATION, LocalStack.BUDGET);
            }
            release(code);
            i++;
        }
        restartStopped();

        // public reads through the load balancer while a gateway node is killed
        Map<Integer, Integer> readStatuses = publicReadsWhileAGatewayNodeDies(codes);
        restartStopped();

        // the final state
        scenarios.awaitQuiet(CATCH_UP);
        Map<String, Integer> doubledOnTopics = new TreeMap<>();
        Map<String, Integer> eventsOnTopics = new TreeMap<>();
        for (String topic : StackScenarios.ALL_TOPICS) {
            Map<String, Integer> byId = new HashMap<>();
            scenarios.events(topic).forEach(e -> byId.merge(e.get("id").asString(), 1, Integer::sum));
            eventsOnTopics.put(topic, byId.size());
            doubledOnTopics.put(topic, byId.values().stream().mapToInt(n -> n - 1).sum());
        }
        List<String> lost = new ArrayList<>();
        for (var budget : budgets.entrySet()) {
            long approvals = scenarios.approvalEventsOnTopic(budget.getValue());
            if (approvals == 0) {
                lost.add("budget.approved.v1 of " + budget.getValue());
            }
        }
        List<JsonNode> feed = scenarios.feed();
        StackScenarios.verifyChain(feed);
        for (String code : codes) {
            long released = feed.stream().filter(e -> e.get("departmentCode").asString().equals(code)
                    && e.get("fiscalYear").asInt() == YEAR && e.get("version").asInt() == 1).count();
            if (released == 0) {
                lost.add("feed entry of " + code + " v1");
            }
            JsonNode disclosure = scenarios.disclosure(code);
            if (disclosure == null || disclosure.get("versions").size() != 1) {
                lost.add("released version 1 of " + code);
            }
        }
        List<String> doubledEffects = scenarios.duplicatedEffects();
        int redelivered = doubledOnTopics.values().stream().mapToInt(Integer::intValue).sum();

        Map<Integer, Integer> limited = spreadOverBothGatewayNodes(codes.getFirst(), 10 * BURST);

        System.out.printf("[report] replicas=2 departments=%d events by topic=%s lost=%d doubled effects=%d, "
                        + "events twice on topics=%d %s (relays killed %d) feed entries=%d chain=verified, "
                        + "public reads while a gateway node died=%s, rate limit over both nodes=%s (burst %d)%n",
                DEPARTMENTS, eventsOnTopics, lost.size(), doubledEffects.size(), redelivered, doubledOnTopics,
                RELAYS_KILLED, feed.size(), readStatuses, limited, BURST);

        assertThat(lost).as("lost").isEmpty();
        assertThat(doubledOnTopics.values().stream().mapToInt(Integer::intValue).sum())
                .as("events on a topic twice, with %d relays killed: %s", RELAYS_KILLED, doubledOnTopics).isZero();
        assertThat(doubledEffects).as("doubled effects").isEmpty();
        assertThat(readStatuses.keySet()).as("answers to public reads while a gateway node died")
                .allSatisfy(status -> assertThat(status).isIn(200, 429));
        int allowed = limited.getOrDefault(200, 0);
        assertThat(limited.getOrDefault(429, 0)).as("requests refused over both nodes").isPositive();
        assertThat(allowed).as("requests let through over two nodes: one node's burst, not two")
                .isGreaterThanOrEqualTo(BURST).isLessThan(2 * BURST);
    }

    // ---- steps that survive a killed replica ---------------------------------------------------------------------

    /** Approves; an answer lost with a killed replica (5xx) is checked by reading the budget, then retried. */
    private void approve(String budgetId) {
        for (int attempt = 1; attempt <= 5; attempt++) {
            StaffClient.Answer approved = scenarios.approve(budgetId);
            if (approved.status() == 200) {
                return;
            }
            assertThat(approved.status()).as("approve %s: %s", budgetId, approved.body()).isGreaterThanOrEqualTo(500);
            String status = StackScenarios.await(Duration.ofSeconds(60),
                    () -> scenarios.budget(budgetId).get("status").asString(), s -> true, "budget " + budgetId);
            if (status.equals("APPROVED")) {
                return;
            }
        }
        throw new AssertionError("could not approve " + budgetId);
    }

    /** Head confirms, publisher releases; answers lost with a killed replica are checked by reading, then retried. */
    private void release(String code) {
        String id = StackScenarios.disclosureId(code);
        for (int attempt = 1; attempt <= 5; attempt++) {
            JsonNode d = scenarios.awaitDisclosure(code, x -> !x.get("versions").isEmpty()
                            || (x.get("status").asString().equals("CONFIRMED"))
                            || (x.get("status").asString().equals("DRAFT") && x.path("draft").path("basis")
                            .path("budgetRevision").asInt() == 1), CATCH_UP,
                    "to hold the draft of revision 1 or later");
            if (!d.get("versions").isEmpty()) {
                return;
            }
            String hash = d.get("draft").get("contentHash").asString();
            if (d.get("status").asString().equals("DRAFT")) {
                StaffClient.Answer confirmed = scenarios.client.post("/api/v1/publications/" + id + "/confirmation",
                        StackScenarios.head(code), Map.of("contentHash", hash));
                if (confirmed.status() != 200) {
                    assertThat(confirmed.status()).as("confirm %s: %s", code, confirmed.body())
                            .isGreaterThanOrEqualTo(500);
                    continue;
                }
            }
            StaffClient.Answer released = scenarios.client.post("/api/v1/publications/" + id + "/release", PUBLISHER,
                    Map.of("contentHash", hash));
            if (released.status() == 201) {
                return;
            }
            assertThat(released.status()).as("release %s: %s", code, released.body()).isGreaterThanOrEqualTo(500);
        }
        throw new AssertionError("could not release " + code);
    }

    /** Reads public disclosures through nginx, about 6 a second, killing a gateway node part way: statuses counted. */
    private Map<Integer, Integer> publicReadsWhileAGatewayNodeDies(List<String> codes) {
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int n = 0; n < 60; n++) {
            if (n == 20) {
                kill(Replicas.instance(LocalStack.GATEWAY, 2));
            }
            StaffClient.Answer read = scenarios.client.get(StackScenarios.publicPath(codes.get(n % codes.size())),
                    null);
            statuses.merge(read.status(), 1, Integer::sum);
            StackScenarios.sleep(150);
        }
        return statuses;
    }

    /**
     * One client (named by X-Real-IP, as nginx names it) sends {@code requests} public reads straight to the two
     * gateway nodes, alternately, from 16 threads: statuses counted. Two separate in-memory limits would let at
     * least two bursts through; one shared limit lets one burst through, plus what refills meanwhile.
     */
    private Map<Integer, Integer> spreadOverBothGatewayNodes(String code, int requests) throws Exception {
        List<String> nodes = List.of("http://127.0.0.1:" + stack.portOf(LocalStack.GATEWAY, 1),
                "http://127.0.0.1:" + stack.portOf(LocalStack.GATEWAY, 2));
        String path = StackScenarios.publicPath(code) + "/versions/1";
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean failed = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            workers.add(pool.submit(() -> {
                for (int n; (n = next.getAndIncrement()) < requests; ) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(nodes.get(n % 2) + path))
                            .header("X-Real-IP", "198.51.100.77").timeout(Duration.ofSeconds(30)).GET().build();
                    try {
                        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        statuses.merge(status, 1, Integer::sum);
                    } catch (IOException e) {
                        failed.set(true);
                        throw new UncheckedIOException(e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }));
        }
        for (Future<?> w : workers) {
            w.get();
        }
        pool.shutdown();
        assertThat(failed).isFalse();
        return new TreeMap<>(statuses);
    }

    // ---- processes -------------------------------------------------------------------------------------------------

    private static void kill(String... names) {
        for (String name : names) {
            stack.process(name).kill();
            log("%s killed (SIGKILL)", name);
        }
    }

    /** Starts every stopped process again (in parallel) and waits until all are ready. */
    private static void restartStopped() {
        List<String> stopped = new ArrayList<>();
        for (String service : List.of(LocalStack.DEPARTMENT, LocalStack.BUDGET, LocalStack.PUBLICATION,
                LocalStack.GATEWAY)) {
            for (int k = 1; k <= 2; k++) {
                String name = Replicas.instance(service, k);
                if (!stack.process(name).isAlive()) {
                    stopped.add(name);
                    stack.process(name).start();
                }
            }
        }
        long t0 = System.nanoTime();
        for (String name : stopped) {
            stack.process(name).awaitReady(Duration.ofMinutes(8));
        }
        if (!stopped.isEmpty()) {
            log("%s back in %.1f s", stopped, (System.nanoTime() - t0) / 1e9);
        }
    }

    private static void log(String format, Object... args) {
        System.out.printf("[replicas-test] " + format + "%n", args);
    }
}

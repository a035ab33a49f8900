package cn.finance.disclosure.benchmark;

import cn.finance.disclosure.stack.DemoLoader;
import cn.finance.disclosure.stack.KeycloakDirectory;
import cn.finance.disclosure.stack.LocalStack;
import cn.finance.disclosure.stack.StackSettings;
import cn.finance.disclosure.stack.StaffClient;
import cn.finance.disclosure.stack.Workflow;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The benchmark: starts the local stack from the built jars (own ports and data), then measures start-up and idle
 * memory, the public read path (through the gateway, directly, and nginx serving the same bytes, with wrk), the event
 * latency from a budget approval to the draft disclosure, and a whole district moving through the workflow; writes a
 * Markdown report. The anonymous rate limit must be off for the read path (benchmarks/run sets it).
 */
public final class Benchmark {

    static final String SEED_VERSION = "/public/v1/publications/405001/2024/versions/1";
    static final List<String> PROCESSES = List.of(LocalStack.GATEWAY, LocalStack.DEPARTMENT, LocalStack.BUDGET,
            LocalStack.PUBLICATION, LocalStack.PORTAL, LocalStack.KEYCLOAK, LocalStack.KAFKA, LocalStack.MONGO);

    private final Path root;
    private final Options options;
    private final Parts parts;
    private final PrintStream out;
    private final Report report = new Report();

    Benchmark(Path root, Options options, PrintStream out) {
        this(root, options, Parts.parse(new String[0]), out);
    }

    Benchmark(Path root, Options options, Parts parts, PrintStream out) {
        this.root = root;
        this.options = options;
        this.parts = parts;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Path root = StackSettings.findProjectRoot(Path.of("."));
        Options options = Options.parse(args, root);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Report report = new Benchmark(root, options, Parts.parse(args), out).run();
        Files.createDirectories(options.report().toAbsolutePath().getParent());
        Files.writeString(options.report(), report.markdown(options));
        out.println("[benchmark] report written to " + options.report());
    }

    Report run() throws Exception {
        if (!"false".equals(System.getenv("PUBLIC_RATE_LIMIT_ENABLED"))) {
            throw new IllegalStateException("run with PUBLIC_RATE_LIMIT_ENABLED=false (benchmarks/run sets it): "
                    + "the read path would measure the rate limiter");
        }
        report.machine = Machine.describe();
        LocalStack stack = null;
        try {
            int startRuns = parts.has("start") ? options.runs() : 1;
            for (int run = 1; run <= startRuns; run++) {
                if (stack != null) {
                    stack.close();
                }
                stack = startFresh(run);
            }
            if (!parts.has("start")) {
                report.coldStartSeconds.clear();
                report.startCpuSeconds.clear();
                report.idleRssMb.clear();
                report.idleRssTotalMb.clear();
            }
            StackSettings settings = stack.settings();
            new DemoLoader(settings, out).load();
            if (parts.has("read-path")) {
                readPath(stack);
            }
            KeycloakDirectory directory = new KeycloakDirectory(settings.keycloakPort());
            if (parts.has("latency")) {
                eventLatency(stack, directory);
            }
            if (parts.has("district")) {
                district(stack, directory);
            }
            if (parts.has("municipality")) {
                municipality(stack, directory);
            }
            for (String name : PROCESSES) {
                report.peakRssMb.put(name, ProcessMemory.of(stack.process(name).pid()).peakRssMb());
            }
        } finally {
            if (stack != null) {
                stack.close();
            }
        }
        return report;
    }

    private LocalStack startFresh(int run) throws IOException {
        Path work = root.resolve("benchmarks/target/bench");
        deleteRecursively(work);
        StackSettings settings = StackSettings.forTests(root, work, false);
        LocalStack stack = new LocalStack(settings, out);
        long t0 = System.nanoTime();
        try {
            stack.start();
        } catch (RuntimeException e) {
            stack.close(); // not ready in time: stop what did start rather than leave it running
            throw e;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        report.coldStartSeconds.add(seconds);
        // the CPU each process spent to get ready: what start-up costs, whatever else shares the cores meanwhile
        for (String name : PROCESSES) {
            report.startCpuSeconds.computeIfAbsent(name, n -> new ArrayList<>())
                    .add(ProcessMemory.cpuMillis(stack.process(name).pid()) / 1000);
        }
        out.printf("[benchmark] start-up run %d: CPU seconds to ready %s%n", run, PROCESSES.stream().map(name ->
                name + " " + String.format("%.1f", report.startCpuSeconds.get(name).getLast())).toList());
        ManagedSleep.seconds(5); // let start-up work (JIT, first GCs) settle before reading idle memory
        double total = 0;
        for (String name : PROCESSES) {
            double rss = ProcessMemory.of(stack.process(name).pid()).rssMb();
            report.idleRssMb.computeIfAbsent(name, n -> new ArrayList<>()).add(rss);
            total += rss;
        }
        report.idleRssTotalMb.add(total);
        out.printf("[benchmark] start-up run %d: ready in %.1f s, %.0f MB RSS at idle%n", run, seconds, total);
        return stack;
    }

    // ---- the public read path --------------------------------------------------------------------------------

    private void readPath(LocalStack stack) throws Exception {
        StackSettings s = stack.settings();
        String gateway = s.gatewayUrl();
        String direct = "http://127.0.0.1:" + s.publicationPort();
        StaffClient.Answer json = get(gateway + SEED_VERSION);
        StaffClient.Answer html = get(gateway + SEED_VERSION + ".html");
        if (json.status() != 200 || html.status() != 200) {
            throw new IllegalStateException("the seed's released version is not readable: " + json.status());
        }
        Path nginxRoot = Files.createDirectories(root.resolve("benchmarks/target/bench/nginx-root"));
        Files.writeString(nginxRoot.resolve("v1.json"), json.body());
        Files.writeString(nginxRoot.resolve("v1.html"), html.body());
        String etag = json.header("ETag");
        report.documentBytes = json.body().getBytes(StandardCharsets.UTF_8).length;
        report.htmlBytes = html.body().getBytes(StandardCharsets.UTF_8).length;
        int nginxPort = cn.finance.disclosure.stack.FreePorts.next();
        try (Nginx nginx = Nginx.serve(nginxRoot, nginxPort, root.resolve("benchmarks/target/bench/nginx"))) {
            String nginxEtag = get(nginx.url("/v1.json")).header("ETag");
            Map<String, String[]> targets = new LinkedHashMap<>();
            targets.put("gateway", new String[]{gateway + SEED_VERSION, gateway + SEED_VERSION + ".html", etag});
            targets.put("publication-service", new String[]{direct + SEED_VERSION, direct + SEED_VERSION + ".html", etag});
            targets.put("nginx", new String[]{nginx.url("/v1.json"), nginx.url("/v1.html"), nginxEtag});
            for (String[] target : targets.values()) { // warm-up: JIT and connection pools, not measured
                Wrk.run(target[0], 16, Math.max(1, options.wrkSeconds()));
            }
            // whose CPU a request costs: the gateway answers released versions from memory, so it is the gateway
            Map<String, long[]> servers = Map.of(
                    "gateway", new long[]{stack.process(LocalStack.GATEWAY).pid(), stack.process(LocalStack.PUBLICATION).pid()},
                    "publication-service", new long[]{stack.process(LocalStack.PUBLICATION).pid()},
                    "nginx", new long[]{nginx.pid()});
            for (int run = 1; run <= options.runs(); run++) {
                for (int connections : options.connections()) {
                    for (Map.Entry<String, String[]> target : targets.entrySet()) {
                        String[] t = target.getValue();
                        long[] pids = servers.get(target.getKey());
                        measured("JSON", target.getKey(), connections, pids, () -> Wrk.run(t[0], connections, options.wrkSeconds()));
                        measured("HTML", target.getKey(), connections, pids, () -> Wrk.run(t[1], connections, options.wrkSeconds()));
                        measured("304", target.getKey(), connections, pids, () -> Wrk.run(t[0], connections,
                                options.wrkSeconds(), "If-None-Match: " + t[2]));
                    }
                }
                out.printf("[benchmark] read path run %d done%n", run);
            }
        }
    }

    /** One wrk cell, with the CPU time the serving processes spent on it (per request). */
    private void measured(String kind, String target, int connections, long[] pids,
                          java.util.function.Supplier<Wrk.Result> load) {
        double cpuBefore = 0;
        for (long pid : pids) {
            cpuBefore += ProcessMemory.cpuMillis(pid);
        }
        Wrk.Result result = load.get();
        double cpu = -cpuBefore;
        for (long pid : pids) {
            cpu += ProcessMemory.cpuMillis(pid);
        }
        Report.Cell cell = new Report.Cell(kind, target, connections);
        report.readPath.computeIfAbsent(cell, c -> new ArrayList<>()).add(result);
        if (result.requests() > 0) {
            report.cpuMillisPerRequest.computeIfAbsent(cell, c -> new ArrayList<>()).add(cpu / result.requests());
        }
    }

    private static StaffClient.Answer get(String url) {
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new StaffClient.Answer(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- event latency ---------------------------------------------------------------------------------------

    private void eventLatency(LocalStack stack, KeycloakDirectory directory) throws Exception {
        StackSettings s = stack.settings();
        Workflow viaGateway = new Workflow(new StaffClient(s.gatewayUrl(), s.issuer()));
        // the draft is looked for at publication-service itself, so the gateway's hop is not added to the figure
        Workflow atService = new Workflow(new StaffClient("http://127.0.0.1:" + s.publicationPort(), s.issuer()));
        JsonNode facts = DemoLoader.seedFacts();
        for (int run = 1; run <= options.workflowRuns(); run++) {
            int first = 460_000 + (run - 1) * 1_000;
            int warmUp = warmUpApprovals(options.approvals());
            List<String> prepared = prepareSubmitted(viaGateway, directory, facts, first, warmUp + options.approvals());
            // warm-up, not measured: the approval → draft path (draft generation, its templates and rendering) is
            // code no earlier part has run, so its first passes are the JIT's; as wrk's cells have a warm-up
            for (int i = 0; i < warmUp; i++) {
                viaGateway.approve("bureau-reviewer", prepared.get(i));
                atService.awaitPublication("bureau-publisher", (first + i) + "-2024", Duration.ofSeconds(30),
                        Duration.ofMillis(20), "DRAFT");
            }
            List<String> budgets = prepared.subList(warmUp, prepared.size());
            List<Double> millis = new ArrayList<>();
            Map<String, Double> cpuBefore = new LinkedHashMap<>();
            for (String name : PROCESSES) {
                cpuBefore.put(name, ProcessMemory.cpuMillis(stack.process(name).pid()));
            }
            for (int i = 0; i < budgets.size(); i++) {
                String code = String.valueOf(first + warmUp + i);
                viaGateway.approve("bureau-reviewer", budgets.get(i));
                java.time.Instant answered = java.time.Instant.now();
                // the draft's own creation time (publication-service, same machine clock) rather than when a poll
                // found it: polling every 2 ms put the observer's load on the service it measures. For the same
                // reason the first look comes one interval after the answer, not at once: a draft is never there
                // after 0 ms, and that request (token check, lookup, a 404 problem) ran on the cores the draft needed
                Thread.sleep(20);
                JsonNode publication = atService.awaitPublication("bureau-publisher", code + "-2024",
                        Duration.ofSeconds(30), Duration.ofMillis(20), "DRAFT");
                java.time.Instant created = java.time.Instant.parse(publication.path("draft").path("createdAt").asString());
                millis.add(Math.max(0, Duration.between(answered, created).toNanos() / 1e6));
            }
            // what one approval costs each process (the approval request, relay, broker, intake, draft, the polling):
            // latency on a busy machine follows this CPU work
            for (String name : PROCESSES) {
                double cpu = (ProcessMemory.cpuMillis(stack.process(name).pid()) - cpuBefore.get(name)) / millis.size();
                report.eventCpuMillis.computeIfAbsent(name, n -> new ArrayList<>()).add(cpu);
            }
            out.printf("[benchmark] event latency run %d: CPU ms per approval %s%n", run, PROCESSES.stream().map(name ->
                    name + " " + String.format("%.1f", report.eventCpuMillis.get(name).getLast())).toList());
            report.eventLatencyP50.add(Stats.percentile(millis, 50));
            report.eventLatencyP99.add(Stats.percentile(millis, 99));
            report.eventLatencySamples += millis.size();
            out.printf("[benchmark] event latency run %d: p50 %.1f ms, p99 %.1f ms over %d approvals%n", run,
                    Stats.percentile(millis, 50), Stats.percentile(millis, 99), millis.size());
        }
    }

    /** Approvals run through the whole path before the measured ones: a tenth of them, at least 1, at most 20. */
    static int warmUpApprovals(int measured) {
        return Math.max(1, Math.min(20, measured / 10));
    }

    /** Departments with a clerk, a registration, a profile and a submitted budget each; returns the budget ids. */
    private List<String> prepareSubmitted(Workflow workflow, KeycloakDirectory directory, JsonNode facts, int first,
                                          int count) throws Exception {
        List<String> ids = Collections.synchronizedList(new ArrayList<>(Collections.nCopies(count, (String) null)));
        parallel(count, i -> {
            String code = String.valueOf(first + i);
            String clerk = "bench-clerk-" + code;
            directory.ensureUser(clerk, code, "department-clerk");
            workflow.register("bureau-admin", code, "基准测试单位" + code, "单位" + code, "重庆市綦江区", "ADMINISTRATIVE");
            workflow.putProfile(clerk, code, 2024, facts.get("department").get("profile"));
            String id = workflow.createBudget(clerk, budgetFor(facts, code));
            workflow.submit(clerk, id);
            ids.set(i, id);
        });
        return List.copyOf(ids);
    }

    static JsonNode budgetFor(JsonNode facts, String code) {
        ObjectNode budget = (ObjectNode) facts.get("budget").deepCopy();
        budget.put("departmentCode", code);
        return budget;
    }

    // ---- a whole district ------------------------------------------------------------------------------------

    private void district(LocalStack stack, KeycloakDirectory directory) throws Exception {
        StackSettings s = stack.settings();
        Workflow workflow = new Workflow(new StaffClient(s.gatewayUrl(), s.issuer()));
        JsonNode facts = DemoLoader.seedFacts();
        for (int run = 1; run <= options.workflowRuns(); run++) {
            int first = 470_000 + (run - 1) * 1_000;
            parallel(options.departments(), i -> {
                String code = String.valueOf(first + i);
                directory.ensureUser("district-clerk-" + code, code, "department-clerk");
                directory.ensureUser("district-head-" + code, code, "department-head");
            });
            AtomicInteger errors = new AtomicInteger();
            long t0 = System.nanoTime();
            int failed = parallel(options.departments(), i -> {
                String code = String.valueOf(first + i);
                release(workflow, facts, code, "綦江区演示单位" + code, "district-clerk-" + code, "district-head-" + code);
            });
            errors.addAndGet(failed);
            double seconds = (System.nanoTime() - t0) / 1e9;
            report.districtSeconds.add(seconds);
            report.districtErrors += errors.get();
            report.districtDepartments = options.departments();
            out.printf("[benchmark] district run %d: %d departments released in %.1f s, %d errors%n", run,
                    options.departments(), seconds, errors.get());
        }
    }

    /** One department from registration to its released disclosure, as the bureau and the unit's staff do it. */
    private static void release(Workflow workflow, JsonNode facts, String code, String name, String clerk, String head)
            throws Exception {
        workflow.register("bureau-admin", code, name, "单位" + code, "重庆市綦江区", "ADMINISTRATIVE");
        workflow.putProfile(clerk, code, 2024, facts.get("department").get("profile"));
        String id = workflow.createBudget(clerk, budgetFor(facts, code));
        workflow.submit(clerk, id);
        workflow.approve("bureau-reviewer", id);
        JsonNode draft = workflow.awaitPublication("bureau-publisher", code + "-2024", Duration.ofSeconds(60),
                Duration.ofMillis(20), "DRAFT");
        workflow.confirm(head, code + "-2024", Workflow.draftHash(draft));
        workflow.release("bureau-publisher", code + "-2024", Workflow.draftHash(draft));
    }

    // ---- a whole municipality --------------------------------------------------------------------------------

    /**
     * Thousands of departments through the same workflow on the same stack, after the district: the rate must not
     * fall as the data grows. Each department's completion time is kept; the run is cut into tenths by completions
     * (the first tenth is the first N/10 departments released) and each tenth's rate is its N/10 departments over the
     * time since the previous tenth ended.
     */
    private void municipality(LocalStack stack, KeycloakDirectory directory) throws Exception {
        int count = options.municipality();
        if (count <= 0) {
            return;
        }
        StackSettings s = stack.settings();
        Workflow workflow = new Workflow(new StaffClient(s.gatewayUrl(), s.issuer()));
        JsonNode facts = DemoLoader.seedFacts();
        int first = 500_000;
        long u0 = System.nanoTime();
        parallel(count, i -> {
            String code = String.valueOf(first + i);
            directory.ensureUser("city-clerk-" + code, code, "department-clerk");
            directory.ensureUser("city-head-" + code, code, "department-head");
        });
        out.printf("[benchmark] municipality: %d clerks and heads created in %.1f s%n", 2 * count,
                (System.nanoTime() - u0) / 1e9);
        long[] done = new long[count];
        long t0 = System.nanoTime();
        int failed = parallel(count, i -> {
            String code = String.valueOf(first + i);
            release(workflow, facts, code, "重庆市演示单位" + code, "city-clerk-" + code, "city-head-" + code);
            done[i] = System.nanoTime();
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        long[] finished = java.util.Arrays.stream(done).filter(t -> t > 0).sorted().toArray();
        List<Double> tenths = new ArrayList<>();
        int perTenth = Math.max(1, finished.length / 10);
        long previous = t0;
        for (int k = 1; k <= 10 && k * perTenth <= finished.length; k++) {
            long end = finished[k * perTenth - 1];
            tenths.add(perTenth / ((end - previous) / 1e9) * 60);
            previous = end;
        }
        report.municipalityDepartments = count;
        report.municipalitySeconds = seconds;
        report.municipalityErrors = failed;
        report.municipalityTenths.addAll(tenths);
        out.printf("[benchmark] municipality: %d departments released in %.1f s, %d errors, per tenth %s "
                + "departments/min%n", count, seconds, failed, tenths.stream().map(r -> String.format("%.0f", r)).toList());
    }

    interface Task {
        void run(int index) throws Exception;
    }

    /** Runs {@code count} tasks on the configured number of workers; returns how many failed (each is printed). */
    private int parallel(int count, Task task) throws Exception {
        AtomicInteger failures = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(options.workers())) {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    try {
                        task.run(index);
                    } catch (Exception | AssertionError e) {
                        failures.incrementAndGet();
                        out.println("[benchmark] task " + index + " failed: " + e.getMessage());
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        return failures.get();
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static final class ManagedSleep {
        static void seconds(int s) {
            try {
                Thread.sleep(s * 1000L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

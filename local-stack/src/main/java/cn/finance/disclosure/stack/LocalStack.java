package cn.finance.disclosure.stack;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The whole system on one machine without Docker: a real Kafka broker (KRaft), the file-backed MongoDB-wire server,
 * a real Keycloak with the finance realm imported, then the three services and the gateway, each its own process on
 * 127.0.0.1. Waits for each to be ready, prefixes their output, and stops them all on Ctrl-C or SIGTERM.
 */
public final class LocalStack implements AutoCloseable {

    public static final String KAFKA = "kafka";
    public static final String MONGO = "mongo";
    public static final String KEYCLOAK = "keycloak";
    public static final String DEPARTMENT = "department-service";
    public static final String BUDGET = "budget-service";
    public static final String PUBLICATION = "publication-service";
    public static final String GATEWAY = "gateway";
    /** The staff console (started only when a console port is given: the run command and the system tests). */
    public static final String CONSOLE = "console";
    public static final String PORTAL = "portal";
    /** With replicas: nginx in front of the gateway nodes and of each service's instances, and the shared Redis. */
    public static final String LOAD_BALANCER = "load-balancer";
    public static final String REDIS = "redis";

    public static final int DEFAULT_CONSOLE_PORT = 8088;
    /**
     * 3 minutes; STACK_READY_TIMEOUT_SECONDS (or STACK_READY_TIMEOUT) gives a busy machine longer (Keycloak's first
     * start is the slowest).
     */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(Long.parseLong(
            System.getenv().getOrDefault("STACK_READY_TIMEOUT_SECONDS",
                    System.getenv().getOrDefault("STACK_READY_TIMEOUT", "180")).trim()));

    /**
     * Keycloak's JVM: kc.sh's default options with a bounded heap and the serial collector. Its peak RSS is about a
     * third heap: native memory tracking through a municipality showed metaspace and class space 144 MB (28,000
     * classes), code 55 MB, symbols 26 MB, the CDS archive 14 MB and C2's compile arenas up to 42 MB at times. The
     * heap cannot give more: at 176 MB (live set 82 MB at 1,600 users, the users in the H2 file) the serial collector
     * ran 142 full collections (31 s) in one benchmark.
     */
    static final List<String> KEYCLOAK_JVM = List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC",
            "-XX:MetaspaceSize=96M", "-XX:MaxMetaspaceSize=192m", "-XX:ReservedCodeCacheSize=72m", "-Xss512k",
            "-XX:TrimNativeHeapInterval=5000",
            "-Dfile.encoding=UTF-8", "-Dsun.stdout.encoding=UTF-8", "-Dsun.err.encoding=UTF-8",
            "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8", "-XX:+ExitOnOutOfMemoryError",
            "-Djava.security.egd=file:/dev/urandom", "-Djdk.tls.rejectClientInitiatedRenegotiation=true",
            // on Java 24+ JBoss Threads' executor threads die without it ("thread-local-reset capability")
            "--add-opens=java.base/java.lang=ALL-UNNAMED");

    /**
     * The JVM options of the gateway and the services (and the console). SweeperThreshold: with a 64 MB code cache
     * HotSpot asked for a collection to unload cold compiled code after every ~6 MB of new code (15 % by default), a
     * full stop-the-world collection of 130–340 ms with the serial collector, and those set the event latency's p99
     * (benchmarks/PROFILE-event-latency.md); at 60 % none came in the benchmark.
     */
    static final List<String> SERVICE_JVM = List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC",
            "-XX:MaxMetaspaceSize=160m", "-Xss512k", "-XX:ReservedCodeCacheSize=64m", "-XX:SweeperThreshold=60",
            "-XX:TrimNativeHeapInterval=5000", "-Dfile.encoding=UTF-8");
    static final List<String> PUBLICATION_JVM = SERVICE_JVM.stream()
            .map(option -> option.equals("-Xmx256m") ? "-Xmx320m" : option).toList();

    /** The local stack's Keycloak administrator (master realm, 127.0.0.1 only). */
    static final Map<String, String> KEYCLOAK_ADMIN = Map.of("KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
            "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");

    private final StackSettings settings;
    private final Replicas replicas;
    private final Duration readyTimeout;
    /** With replicas: usual port to the ports of the instances nginx balances over. */
    private final Map<Integer, List<Integer>> balanced = new LinkedHashMap<>();
    private final PrintStream console;
    private final int redisPort;
    private final Map<String, ManagedProcess> processes = new LinkedHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final int consolePort;
    private final int portalPort;

    /** The stack without the staff console. */
    public LocalStack(StackSettings settings, PrintStream console) {
        this(settings, Replicas.ONE, console, 0);
    }

    /** The stack with the staff console on {@code consolePort} (0: without it). */
    public LocalStack(StackSettings settings, PrintStream console, int consolePort) {
        this(settings, Replicas.ONE, console, consolePort);
    }

    public LocalStack(StackSettings settings, Replicas replicas, PrintStream console) {
        this(settings, replicas, console, 0);
    }

    public LocalStack(StackSettings settings, Replicas replicas, PrintStream console, int consolePort) {
        this.settings = settings;
        this.consolePort = consolePort;
        this.replicas = replicas;
        // several JVMs per service start on the same few cores: be patient
        this.readyTimeout = READY_TIMEOUT.multipliedBy(replicas.count() * 2L - 1);
        this.console = console;
        String java = ProcessHandle.current().info().command().orElse("java");
        Path root = settings.projectRoot();
        String classpath = root.resolve("local-stack/target/local-stack.jar") + File.pathSeparator
                + root.resolve("local-stack/target/lib/*");
        Path data = settings.dataDirectory();

        add(MONGO, List.of(java, "-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-cp", classpath,
                        "-Dlogback.configurationFile=logback-stack.xml", MongoWireServer.class.getName(),
                        String.valueOf(settings.mongoPort()), data.resolve("mongo/finance.mv").toString()),
                Map.of(), Probes.tcp(settings.mongoPort()));
        add(KAFKA, List.of(java, "-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-cp", classpath,
                        "-Dlogback.configurationFile=logback-stack.xml", KafkaBroker.class.getName(),
                        String.valueOf(settings.kafkaPort()), String.valueOf(settings.kafkaControllerPort()),
                        data.resolve("kafka").toString()),
                Map.of(), Probes.tcp(settings.kafkaPort()));

        // built once (KeycloakBuild), so every start skips Quarkus' build step; the H2 database in a file under the
        // distribution (the run command: kept between runs) or a throwaway one in the stack's data directory (tests,
        // benchmarks): in a file rather than in memory, so Keycloak's heap does not grow with every user and session
        // (a municipality's 6,000 users kept its 256 MB heap full; H2 keeps a bounded page cache instead)
        List<String> keycloak = new ArrayList<>(List.of(settings.keycloakHome().resolve("bin/kc.sh").toString(),
                "start", "--optimized", "--http-enabled=true", "--http-host=127.0.0.1",
                "--http-port=" + settings.keycloakPort(),
                "--http-management-port=" + settings.keycloakManagementPort(), "--import-realm",
                "--hostname-strict=false", "--cache=local"));
        if (settings.keycloakThrowaway()) {
            // VALUE is a column name in Keycloak's schema (as in the URL --db=dev-file uses)
            keycloak.add("--db-url=jdbc:h2:file:" + data.resolve("keycloak/keycloakdb").toAbsolutePath()
                    + ";NON_KEYWORDS=VALUE");
        }
        Map<String, String> keycloakEnv = new HashMap<>();
        keycloakEnv.put("JAVA_HOME", Path.of(java).getParent().getParent().toString());
        // kc.sh's own defaults but for the heap and the collector: a bounded heap with the serial collector keeps the
        // process well under 512 MB through a whole district (with -Xmx512m and G1 it peaked at 586 MB)
        keycloakEnv.put("JAVA_OPTS", String.join(" ", KEYCLOAK_JVM));
        keycloakEnv.putAll(KEYCLOAK_ADMIN);
        add(KEYCLOAK, keycloak, keycloakEnv,
                Probes.http200("http://127.0.0.1:" + settings.keycloakManagementPort() + "/health/ready"));

        service(java, DEPARTMENT, settings.departmentPort(), "departments");
        service(java, BUDGET, settings.budgetPort(), "budgets");
        service(java, PUBLICATION, settings.publicationPort(), "publications");

        Map<String, String> gatewayEnv = new HashMap<>(commonServiceEnvironment());
        gatewayEnv.put("DEPARTMENT_SERVICE_URI", "http://127.0.0.1:" + settings.departmentPort());
        gatewayEnv.put("BUDGET_SERVICE_URI", "http://127.0.0.1:" + settings.budgetPort());
        gatewayEnv.put("PUBLICATION_SERVICE_URI", "http://127.0.0.1:" + settings.publicationPort());
        this.redisPort = replicas.replicated() ? replicas.effectiveRedisPort() : 0;
        if (replicas.replicated()) {
            gatewayEnv.put("PUBLIC_RATE_LIMIT_REDIS_URL", "redis://127.0.0.1:" + redisPort);
            gatewayEnv.put("PUBLIC_RATE_LIMIT_TRUSTED_PROXIES", "127.0.0.1");
        }
        gatewayEnv.putAll(replicas.gatewayEnvironment());
        for (int k = 1; k <= replicas.count(); k++) {
            int port = instancePort(settings.gatewayPort(), k);
            Map<String, String> env = new HashMap<>(gatewayEnv);
            env.put("SERVER_PORT", String.valueOf(port));
            add(Replicas.instance(GATEWAY, k), javaJar(java, root.resolve("gateway/target/gateway.jar")), env,
                    Probes.http200("http://127.0.0.1:" + port + "/actuator/health/readiness"));
        }
        if (replicas.replicated()) {
            Path redisData = data.resolve("redis");
            try {
                Files.createDirectories(redisData);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            add(REDIS, List.of("redis-server", "--port", String.valueOf(redisPort), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--dir", redisData.toString()), Map.of(),
                    Probes.tcp(redisPort));
            Path work = data.resolve("load-balancer");
            add(LOAD_BALANCER, LoadBalancer.command(work, LoadBalancer.configure(work, balanced)), Map.of(),
                    Probes.tcp(settings.gatewayPort()));
        }
        if (consolePort > 0) {
            addConsole(java);
        }

        // the public portal: a client of the gateway's public API, with its own database
        portalPort = PortalProcess.port(settings, System.getenv());
        processes.put(PORTAL, PortalProcess.create(settings, PORTAL, portalPort, settings.gatewayUrl(), "portal", "2s",
                console));
    }

    /** The public portal's address. */
    public String portalUrl() {
        return PortalProcess.url(portalPort);
    }

    /** The staff console: logs people in at this stack's Keycloak and calls this stack's gateway. */
    private void addConsole(String java) {
        Map<String, String> env = new HashMap<>();
        env.put("SERVER_PORT", String.valueOf(consolePort));
        env.put("OAUTH_ISSUER_URI", settings.issuer());
        env.put("GATEWAY_URL", settings.gatewayUrl());
        String logFormat = System.getenv("LOG_FORMAT");
        if (logFormat != null) {
            env.put("LOG_FORMAT", logFormat);
        }
        add(CONSOLE, javaJar(java, settings.projectRoot().resolve("console/target/console.jar")), env,
                Probes.http200(consoleUrl() + "/actuator/health/readiness"));
    }

    /** The console's address, or null when this stack runs without it. */
    public String consoleUrl() {
        return consolePort > 0 ? "http://127.0.0.1:" + consolePort : null;
    }

    /**
     * budget-service signs its events with this stack's own Ed25519 key; publication-service trusts budget events only
     * with a valid signature of it. A fresh pair per stack: nothing to keep secret in the repository.
     */
    private final java.security.KeyPair budgetEventKeys = newEventKeyPair();

    private static java.security.KeyPair newEventKeyPair() {
        try {
            return java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** budget-service's event signing key (base64 PKCS#8), for tests that must play budget-service on the topic. */
    public String budgetEventSigningKey() {
        return java.util.Base64.getEncoder().encodeToString(budgetEventKeys.getPrivate().getEncoded());
    }

    private String budgetEventVerifyKey() {
        return java.util.Base64.getEncoder().encodeToString(budgetEventKeys.getPublic().getEncoded());
    }

    /** Instance {@code k}'s port: the usual one with one instance; otherwise its own, nginx taking the usual one. */
    private int instancePort(int usualPort, int k) {
        if (!replicas.replicated()) {
            return usualPort;
        }
        int port = replicas.instancePort(usualPort, k);
        balanced.computeIfAbsent(usualPort, p -> new ArrayList<>()).add(port);
        return port;
    }

    private void service(String java, String name, int usualPort, String database) {
        for (int k = 1; k <= replicas.count(); k++) {
            int port = instancePort(usualPort, k);
            Map<String, String> env = new HashMap<>(commonServiceEnvironment());
            if (name.equals(BUDGET)) {
                env.put("EVENT_SIGNING_KEY", budgetEventSigningKey());
            } else if (name.equals(PUBLICATION)) {
                env.put("BUDGET_EVENTS_VERIFY_KEY", budgetEventVerifyKey());
            }
            List<String> jvm = SERVICE_JVM;
            if (name.equals(PUBLICATION)) {
                // its live set is about 130 MB through the benchmark (released representations, open-data packages,
                // the read path's concurrent answers): with 224 MB the serial collector ran 656 full collections
                // (135 s) in one benchmark, so it keeps 320 MB, with a smaller representation cache (the gateway in
                // front holds its own)
                jvm = PUBLICATION_JVM;
                env.put("FINANCE_PUBLIC_CACHE_SIZE", "32MB");
            }
            env.put("SERVER_PORT", String.valueOf(port));
            env.put("MONGODB_URI", "mongodb://127.0.0.1:" + settings.mongoPort() + "/" + database);
            add(Replicas.instance(name, k), javaJar(java, settings.projectRoot().resolve(name + "/target/" + name
                    + ".jar"), jvm), env, Probes.http200("http://127.0.0.1:" + port + "/actuator/health/readiness"));
        }
    }

    public int redisPort() {
        return redisPort;
    }

    public Replicas replicas() {
        return replicas;
    }

    /** The port instance {@code k} of a service or of the gateway listens on (its usual port with one instance). */
    public int portOf(String name, int k) {
        int usual = switch (name) {
            case GATEWAY -> settings.gatewayPort();
            case DEPARTMENT -> settings.departmentPort();
            case BUDGET -> settings.budgetPort();
            case PUBLICATION -> settings.publicationPort();
            default -> throw new IllegalArgumentException("no instances of " + name);
        };
        return replicas.replicated() ? balanced.get(usual).get(k - 1) : usual;
    }

    private Map<String, String> commonServiceEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + settings.kafkaPort());
        env.put("OAUTH_ISSUER_URI", settings.issuer());
        env.put("OAUTH_AUDIENCE", "finance-api");
        String logFormat = System.getenv("LOG_FORMAT");
        if (logFormat != null) {
            env.put("LOG_FORMAT", logFormat);
        }
        return env;
    }

    private static List<String> javaJar(String java, Path jar) {
        return javaJar(java, jar, SERVICE_JVM);
    }

    private static List<String> javaJar(String java, Path jar, List<String> jvmOptions) {
        return AotCache.command(java, jar, jvmOptions);
    }

    private void add(String name, List<String> command, Map<String, String> env, java.util.function.BooleanSupplier ready) {
        Path log = settings.logDirectory() == null ? null : settings.logDirectory().resolve(name + ".log");
        processes.put(name, new ManagedProcess(name, command, env, settings.projectRoot(), ready, log, console));
    }

    public StackSettings settings() {
        return settings;
    }

    public ManagedProcess process(String name) {
        ManagedProcess p = processes.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no process " + name);
        }
        return p;
    }

    /** Starts everything and returns once every process is ready. */
    public LocalStack start() {
        // checked here, not when the processes are described: AotCache trains one application from this description
        // while a build has not made the later modules' jars yet
        for (ManagedProcess p : processes.values()) {
            int jarAt = p.command().indexOf("-jar");
            if (jarAt >= 0 && !Files.exists(Path.of(p.command().get(jarAt + 1)))) {
                throw new IllegalStateException(p.command().get(jarAt + 1)
                        + " is missing: build first (./mvnw -DskipTests install)");
            }
        }
        prepareKeycloakRealm();
        process(MONGO).start();
        process(KAFKA).start();
        process(KEYCLOAK).start();
        if (replicas.replicated()) {
            process(REDIS).start();
            process(LOAD_BALANCER).start();
        }
        process(MONGO).awaitReady(readyTimeout);
        process(KAFKA).awaitReady(readyTimeout);
        for (String service : List.of(DEPARTMENT, BUDGET, PUBLICATION, GATEWAY)) {
            process(service).start();
        }
        if (replicas.replicated()) {
            // the further instances once the first are up, so that not every JVM starts at once
            for (String service : List.of(DEPARTMENT, BUDGET, PUBLICATION, GATEWAY)) {
                process(service).awaitReady(readyTimeout);
            }
            for (int k = 2; k <= replicas.count(); k++) {
                for (String service : List.of(DEPARTMENT, BUDGET, PUBLICATION, GATEWAY)) {
                    process(Replicas.instance(service, k)).start();
                }
            }
        }
        process(PORTAL).start();
        if (processes.containsKey(CONSOLE)) {
            process(CONSOLE).start();
        }
        for (String name : processes.keySet()) {
            process(name).awaitReady(readyTimeout);
        }
        new KeycloakDirectory(settings.keycloakPort()).removeFromDefaultRoles("offline_access");
        return this;
    }

    /** Stops one process (SIGTERM) or restarts it: for fault tests and operators. */
    public void stop(String name) {
        process(name).stop(Duration.ofSeconds(20));
    }

    public void restart(String name) {
        process(name).stop(Duration.ofSeconds(20));
        process(name).start();
        process(name).awaitReady(readyTimeout);
    }

    private void prepareKeycloakRealm() {
        Path dist = settings.keycloakHome();
        if (!Files.isExecutable(dist.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("Keycloak is not unpacked at " + dist + ": build first (./mvnw -DskipTests install)");
        }
        try {
            Path importDir = Files.createDirectories(dist.resolve("data/import"));
            String realm = developmentRealm(settings.projectRoot());
            if (consolePort > 0 && consolePort != DEFAULT_CONSOLE_PORT) {
                // the realm registers the console's login and logout addresses on its default port
                realm = realm.replace("127.0.0.1:" + DEFAULT_CONSOLE_PORT + "/", "127.0.0.1:" + consolePort + "/");
            }
            Files.writeString(importDir.resolve("finance-realm.json"), realm);
            Files.createDirectories(settings.dataDirectory());
            KeycloakBuild.ensure(dist, Path.of(ProcessHandle.current().info().command().orElse("java")).getParent()
                    .getParent().toString(), console);
            if (settings.keycloakThrowaway()) {
                // the schema and this realm already made, when the build made them for this realm
                KeycloakTemplate.copyInto(dist, realm, settings.dataDirectory().resolve("keycloak"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The production realm with the development overlay on top (its demo users and the password policy that lets
     * their password in): the realm file itself holds no users, so nothing made for the demo reaches production.
     */
    static String developmentRealm(Path projectRoot) throws IOException {
        var realm = (tools.jackson.databind.node.ObjectNode) StaffClient.JSON.readTree(
                Files.readString(projectRoot.resolve("keycloak/finance-realm.json")));
        var overlay = StaffClient.JSON.readTree(Files.readString(projectRoot.resolve("keycloak/dev/finance-realm-dev.json")));
        overlay.properties().forEach(member -> {
            if (member.getKey().equals("users") && realm.get("users") instanceof tools.jackson.databind.node.ArrayNode users) {
                users.addAll((tools.jackson.databind.node.ArrayNode) member.getValue()); // the realm's service accounts stay
            } else if (!member.getKey().startsWith("_")) {
                realm.set(member.getKey(), member.getValue());
            }
        });
        return StaffClient.JSON.writeValueAsString(realm);
    }

    /** Stops in reverse order: gateway, services, Keycloak, Kafka, MongoDB. Safe to call twice. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        List<String> names = new ArrayList<>(processes.keySet());
        java.util.Collections.reverse(names);
        List<Thread> stoppers = new ArrayList<>();
        if (processes.containsKey(CONSOLE)) {
            process(CONSOLE).stop(Duration.ofSeconds(20));
        }
        if (replicas.replicated()) {
            process(LOAD_BALANCER).stop(Duration.ofSeconds(10));
        }
        for (String name : names) {
            if (!List.of(CONSOLE, LOAD_BALANCER, REDIS, KEYCLOAK, KAFKA, MONGO).contains(name)) {
                stoppers.add(Thread.ofPlatform().start(() -> process(name).stop(Duration.ofSeconds(20))));
            }
        }
        stoppers.forEach(LocalStack::join);
        if (replicas.replicated()) {
            process(REDIS).stop(Duration.ofSeconds(10));
        }
        for (String name : List.of(KEYCLOAK, KAFKA, MONGO)) {
            process(name).stop(Duration.ofSeconds(30));
        }
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        StackSettings settings = StackSettings.fromEnvironment(System.getenv());
        PrintStream out = new PrintStream(System.out, true, java.nio.charset.StandardCharsets.UTF_8);
        int consolePort = Integer.parseInt(System.getenv().getOrDefault("STACK_CONSOLE_PORT",
                String.valueOf(DEFAULT_CONSOLE_PORT)).trim());
        Replicas replicas = Replicas.fromEnvironment(System.getenv());
        LocalStack stack = new LocalStack(settings, replicas, out, consolePort);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("[local-stack] stopping ...");
            stack.close();
            out.println("[local-stack] stopped");
            stopped.countDown();
        }, "local-stack-shutdown"));
        try {
            stack.start();
        } catch (RuntimeException e) {
            out.println("[local-stack] FAILED: " + e.getMessage());
            System.exit(1);
        }
        double readySeconds = (System.nanoTime() - started) / 1e9;
        if (settings.loadDemo()) {
            new DemoLoader(settings, out).load();
        }
        out.println(banner(settings, readySeconds));
        out.printf(" Staff console: %s  (log in with a demo user, e.g. fgu-clerk / demo)%n%n", stack.consoleUrl());
        out.println(" Public portal (verified copy of every released version)  " + stack.portalUrl() + "\n");
        if (replicas.replicated()) {
            out.println(replicaBanner(stack));
        }
        stopped.await();
    }

    static String replicaBanner(LocalStack stack) {
        StringBuilder b = new StringBuilder(" Replicas: " + stack.replicas().count()
                + " of each service and of the gateway, nginx in front on the usual ports, Redis on :"
                + stack.redisPort() + "\n");
        for (String name : List.of(GATEWAY, DEPARTMENT, BUDGET, PUBLICATION)) {
            b.append(String.format("   %-20s", name));
            for (int k = 1; k <= stack.replicas().count(); k++) {
                b.append(" :").append(stack.portOf(name, k));
            }
            b.append('\n');
        }
        return b.toString();
    }

    static String banner(StackSettings s, double readySeconds) {
        return String.format("""

                ================================================================================
                 Budget disclosure platform: READY in %.1f s (everything on 127.0.0.1)
                   gateway (staff API, public API)  %s
                   public API example               %s/public/v1/publications/405001/2024
                   Keycloak (realm finance)         http://127.0.0.1:%d  (admin console: admin / admin)
                   department / budget / publication services  :%d / :%d / :%d
                   Kafka %d, MongoDB-wire %d, data in %s
                 Demo users (development only, password "demo"): fgu-clerk, fgu-head (405001),
                   other-clerk (405002), bureau-reviewer, bureau-publisher, bureau-admin
                 Token: curl -s -d grant_type=password -d client_id=finance-cli -d username=fgu-clerk \\
                          -d password=demo %s/protocol/openid-connect/token
                 Ctrl-C stops everything.
                ================================================================================
                """, readySeconds, s.gatewayUrl(), s.gatewayUrl(), s.keycloakPort(), s.departmentPort(),
                s.budgetPort(), s.publicationPort(), s.kafkaPort(), s.mongoPort(), s.dataDirectory(), s.issuer());
    }
}

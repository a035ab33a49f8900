package cn.finance.disclosure.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Ahead-of-time caches (JDK 25: JEP 483, 514, 515) for the stack's Spring Boot applications. Start-up CPU was the
 * whole stack's cold start (about 104 CPU seconds on 2 cores); about half of a Spring Boot application's part is
 * loading, linking and first-compiling the same classes at every start. Each application is trained once per build
 * (its module's {@code pre-integration-test} phase runs {@link #main}): the jar is extracted (a cache needs plain jars
 * on the class path, not nested ones), started with {@code -XX:AOTCacheOutput} and the stack's own JVM options and
 * environment, and stopped as soon as its context is refreshed ({@code spring.context.exit=onRefresh}, so no broker,
 * database or Keycloak is needed). The stack starts the extracted jar with {@code -XX:AOTCache} only while the cache
 * still matches: the same application jar (size and time), the same JVM and the same options (a stamp records them);
 * otherwise, or on a JVM older than 25, it starts the jar as before. A cache the JVM still finds unusable is
 * ignored by the JVM itself (AOT mode "auto").
 */
public final class AotCache {

    /** Where a module keeps its extracted application and cache: {@code <module>/target/aot}. */
    static final String DIRECTORY = "target/aot";
    private static final String STAMP = "stamp";
    private static final int MIN_FEATURE = 25;

    private AotCache() {
    }

    /**
     * The command that starts {@code jar} with {@code jvmOptions}: from its trained cache and extracted jar when they
     * match, else the jar itself.
     */
    static List<String> command(String java, Path jar, List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        Optional<Trained> trained = trained(jar, jvmOptions);
        if (trained.isPresent()) {
            command.add("-XX:AOTCache=" + trained.get().cache());
            command.add("-jar");
            command.add(trained.get().jar().toString());
        } else {
            command.add("-jar");
            command.add(jar.toString());
        }
        return command;
    }

    record Trained(Path jar, Path cache) {
    }

    /** The trained cache of {@code jar}, if there is one made for this jar, this JVM and these options. */
    static Optional<Trained> trained(Path jar, List<String> jvmOptions) {
        if (Runtime.version().feature() < MIN_FEATURE || !Files.exists(jar)) {
            return Optional.empty();
        }
        Path dir = directoryOf(jar);
        Trained trained = new Trained(dir.resolve("app").resolve(jar.getFileName()), cacheOf(jar));
        try {
            if (Files.exists(trained.jar()) && Files.exists(trained.cache())
                    && stamp(jar, jvmOptions).equals(Files.readString(dir.resolve(STAMP), StandardCharsets.UTF_8))) {
                return Optional.of(trained);
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Path directoryOf(Path jar) {
        return jar.toAbsolutePath().getParent().getParent().resolve(DIRECTORY); // <module>/target/x.jar → <module>/target/aot
    }

    private static Path cacheOf(Path jar) {
        String name = jar.getFileName().toString();
        return directoryOf(jar).resolve(name.substring(0, name.length() - ".jar".length()) + ".aot");
    }

    /** What a cache was made for: the application jar, the JVM and the options; any change makes a new one. */
    static String stamp(Path jar, List<String> jvmOptions) throws IOException {
        return Files.size(jar) + "@" + Files.getLastModifiedTime(jar).toMillis() + "\n"
                + Runtime.version() + " " + System.getProperty("java.home") + "\n"
                + String.join(" ", jvmOptions) + "\n";
    }

    /**
     * {@code AotCache <project root> <process name>}: trains the cache of one of the stack's applications (gateway,
     * department-service, budget-service, publication-service, portal). Never fails the build: without a cache the
     * stack starts as it did before, only slower; what went wrong is printed and kept in the training log.
     */
    public static void main(String[] args) {
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        String name = args[1];
        PrintStream out = System.out;
        if (Runtime.version().feature() < MIN_FEATURE) {
            out.println("[aot-cache] " + name + ": JVM " + Runtime.version() + " has no AOT cache (25+); skipped");
            return;
        }
        try {
            train(root, name, out);
        } catch (RuntimeException | IOException e) {
            out.println("[aot-cache] WARNING " + name + ": no AOT cache, the stack starts it without one: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void train(Path root, String name, PrintStream out) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("aot-training-");
        StackSettings settings = StackSettings.forTests(root, work, false);
        // the services create their indexes while the context is refreshed: an empty in-memory MongoDB-wire server;
        // the broker and Keycloak are first needed after the refresh, so their ports stay closed
        try (MongoWireServer ignored = MongoWireServer.inMemory(settings.mongoPort())) {
            // the stack's own command and environment for the process
            LocalStack stack = new LocalStack(settings, Replicas.ONE, new PrintStream(PrintStream.nullOutputStream()),
                    0);
            ManagedProcess process = stack.process(name);
            List<String> command = process.command();
            int jarAt = command.indexOf("-jar");
            if (jarAt < 0) {
                throw new IllegalStateException(name + " is not started from a jar: " + command);
            }
            String java = command.getFirst();
            List<String> options = command.subList(1, jarAt);
            Path jar = Path.of(command.get(jarAt + 1));
            if (!jar.getParent().getFileName().toString().equals("target")) {
                // the command already names a trained cache's extracted jar: the stamp matches, nothing to do
                out.println("[aot-cache] " + name + ": cache up to date");
                return;
            }
            Path dir = directoryOf(jar);
            deleteRecursively(dir);
            Files.createDirectories(dir);
            Path log = dir.resolve("training.log");
            long t0 = System.nanoTime();
            run(List.of(java, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
                    dir.resolve("app").toString()), Map.of(), log, root);
            Path cache = cacheOf(jar);
            List<String> training = new ArrayList<>();
            training.add(java);
            training.addAll(options);
            training.add("-XX:AOTCacheOutput=" + cache);
            training.add("-Dspring.context.exit=onRefresh");
            training.add("-jar");
            training.add(dir.resolve("app").resolve(jar.getFileName()).toString());
            Map<String, String> env = new HashMap<>(process.environment());
            env.put("SPRING_KAFKA_ADMIN_AUTO_CREATE", "false"); // no broker to create topics on
            run(training, env, log, root);
            if (!Files.exists(cache)) {
                throw new IllegalStateException("the training run wrote no cache; see " + log);
            }
            Files.writeString(dir.resolve(STAMP), stamp(jar, options), StandardCharsets.UTF_8);
            out.printf("[aot-cache] %s: trained in %.1f s, %d MB (%s)%n", name, (System.nanoTime() - t0) / 1e9,
                    Files.size(cache) >> 20, cache);
        } finally {
            deleteRecursively(work);
        }
    }

    private static void run(List<String> command, Map<String, String> env, Path log, Path root)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("did not finish within 5 minutes: " + command + "; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("exit code " + process.exitValue() + ": " + command + "; see " + log);
        }
    }

    /** Removes {@code dir} and everything under it; nothing when it does not exist. */
    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}

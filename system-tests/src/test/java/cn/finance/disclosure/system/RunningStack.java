package cn.finance.disclosure.system;

import cn.finance.disclosure.stack.DemoLoader;
import cn.finance.disclosure.stack.LocalStack;
import cn.finance.disclosure.stack.StackSettings;
import cn.finance.disclosure.stack.StaffClient;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The whole stack, started once per test JVM from the built jars exactly as the run command starts it (own free
 * ports, own data, Keycloak in memory, logs in target/stack/<pid>/logs), with the demo loaded. Stopped when the JVM exits.
 */
final class RunningStack {

    private static LocalStack stack;
    private static StaffClient client;

    private RunningStack() {
    }

    static synchronized LocalStack get() {
        if (stack == null) {
            Path root = StackSettings.findProjectRoot(Path.of(""));
            Path work;
            try {
                // one folder per test JVM: several runs side by side (a developer's and CI's) never share data
                work = Files.createDirectories(root.resolve("system-tests/target/stack/" + ProcessHandle.current().pid()));
                deleteRecursively(work.resolve("data"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            StackSettings settings = StackSettings.forTests(root, work, true);
            PrintStream console = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            // the staff console too, on its own free port, for the browser tests
            LocalStack started = new LocalStack(settings, console, cn.finance.disclosure.stack.FreePorts.next());
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "system-test-stack-shutdown"));
            long t0 = System.nanoTime();
            started.start();
            console.printf("[system-tests] stack ready in %.1f s (logs in %s)%n", (System.nanoTime() - t0) / 1e9,
                    settings.logDirectory());
            new DemoLoader(settings, console).load();
            stack = started;
            client = new StaffClient(settings.gatewayUrl(), settings.issuer());
        }
        return stack;
    }

    static StaffClient client() {
        get();
        return client;
    }

    static String consoleUrl() {
        return get().consoleUrl();
    }

    static String gateway() {
        return get().settings().gatewayUrl();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

package cn.finance.disclosure.stack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * One child process of the stack: started with its own environment, its output prefixed with its name (or written to
 * a file), checked for readiness, and stopped with SIGTERM (then SIGKILL after a grace period), children included.
 */
public final class ManagedProcess {

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path workingDirectory;
    private final BooleanSupplier ready;
    private final Path logFile;
    private final PrintStream console;
    private volatile Process process;

    ManagedProcess(String name, List<String> command, Map<String, String> environment, Path workingDirectory,
                   BooleanSupplier ready, Path logFile, PrintStream console) {
        this.name = name;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.workingDirectory = workingDirectory;
        this.ready = ready;
        this.logFile = logFile;
        this.console = console;
    }

    /** The command line it is started with. */
    public List<String> command() {
        return command;
    }

    /** The environment it is started with, beyond the launcher's own. */
    public Map<String, String> environment() {
        return environment;
    }

    public String name() {
        return name;
    }

    public synchronized void start() {
        if (isAlive()) {
            return;
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command, e);
        }
        Process started = process;
        Thread.ofPlatform().daemon(true).name("out-" + name).start(() -> pump(started));
    }

    private void pump(Process p) {
        String prefix = String.format("[%-20s] ", name);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            if (logFile != null) {
                Files.createDirectories(logFile.getParent());
                try (var out = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND)) {
                    for (String line; (line = in.readLine()) != null; ) {
                        out.write(line);
                        out.newLine();
                        out.flush();
                    }
                }
            } else {
                for (String line; (line = in.readLine()) != null; ) {
                    console.println(prefix + line);
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    public boolean isAlive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    public long pid() {
        Process p = process;
        return p == null ? -1 : p.pid();
    }

    public boolean isReady() {
        return isAlive() && ready.getAsBoolean();
    }

    public void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue()
                        + (logFile == null ? "" : "; see " + logFile));
            }
            if (ready.getAsBoolean()) {
                return;
            }
            sleep(250);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout
                + (logFile == null ? "" : "; see " + logFile));
    }

    /** SIGTERM to the process and its descendants, SIGKILL for whatever is left after {@code grace}. */
    public synchronized void stop(Duration grace) {
        Process p = process;
        if (p == null || !p.isAlive()) {
            return;
        }
        List<ProcessHandle> descendants = p.descendants().toList();
        p.destroy();
        descendants.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plus(grace);
        while (Instant.now().isBefore(deadline) && (p.isAlive() || descendants.stream().anyMatch(ProcessHandle::isAlive))) {
            sleep(100);
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        if (p.isAlive()) {
            p.destroyForcibly();
        }
        try {
            p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGKILL, no chance to clean up: for fault tests. */
    public synchronized void kill() {
        Process p = process;
        if (p == null) {
            return;
        }
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
}

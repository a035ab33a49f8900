package cn.finance.disclosure.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Keycloak's build step (Quarkus augmentation), done once per unpacked distribution and kept, so that every start is
 * {@code kc.sh start --optimized}. {@code start-dev} repeats the step at every start: about 10 s of CPU on an idle
 * machine and 150 s when measured here with the two cores shared by several builds, which made Keycloak the stack's
 * critical path. The build is recorded in a stamp next to the files it wrote (the options and the size and time of
 * the generated classes): a freshly unpacked distribution, or other options, build again.
 */
public final class KeycloakBuild {

    /** Build-time options; the H2 database chosen at run time by its URL (file or memory). */
    static final List<String> OPTIONS = List.of("--db=dev-file", "--health-enabled=true");
    private static final String STAMP = "lib/quarkus/finance-build.stamp";

    private KeycloakBuild() {
    }

    /** Builds the distribution at {@code dist} unless it was built with {@link #OPTIONS}; waits for it. */
    static synchronized void ensure(Path dist, String javaHome, PrintStream console) {
        try {
            Files.createDirectories(dist.resolve("data"));
            // stacks started in parallel (tests, other JVMs) share the distribution: one builds, the others wait
            try (FileChannel channel = FileChannel.open(dist.resolve("data/.build.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                if (stamp(dist).equals(readStamp(dist))) {
                    return;
                }
                List<String> command = new ArrayList<>();
                command.add(dist.resolve("bin/kc.sh").toString());
                command.add("build");
                command.addAll(OPTIONS);
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(dist.resolve("data/build.log").toFile());
                Map<String, String> env = builder.environment();
                env.put("JAVA_HOME", javaHome);
                console.println("[local-stack] building Keycloak once (kc.sh build), see " + dist.resolve("data/build.log"));
                Process process = builder.start();
                if (!process.waitFor(10, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("kc.sh build did not finish within 10 minutes");
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException("kc.sh build failed with code " + process.exitValue() + "; see "
                            + dist.resolve("data/build.log"));
                }
                Files.writeString(dist.resolve(STAMP), stamp(dist), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building Keycloak", e);
        }
    }

    /** {@code KeycloakBuild <dist>}: the build's package phase runs it, so a stack's first start skips the step too. */
    public static void main(String[] args) {
        Path dist = Path.of(args[0]);
        ensure(dist, System.getProperty("java.home"), System.out);
        if (args.length > 1) {
            // {@code <dist> <project root>}: also the throwaway stacks' database template (KeycloakTemplate)
            try {
                KeycloakTemplate.ensure(dist, LocalStack.developmentRealm(Path.of(args[1])),
                        System.getProperty("java.home"), System.out);
            } catch (IOException | RuntimeException e) {
                System.out.println("[local-stack] WARNING no Keycloak database template, stacks create the schema: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static String stamp(Path dist) throws IOException {
        Path generated = dist.resolve("lib/quarkus/generated-bytecode.jar");
        String files = Files.exists(generated)
                ? Files.size(generated) + "@" + Files.getLastModifiedTime(generated).toMillis() : "none";
        return String.join(" ", OPTIONS) + "\n" + files + "\n";
    }

    private static String readStamp(Path dist) throws IOException {
        Path stamp = dist.resolve(STAMP);
        return Files.exists(stamp) ? Files.readString(stamp, StandardCharsets.UTF_8) : "";
    }
}

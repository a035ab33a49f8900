package cn.finance.disclosure.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway stack's Keycloak database, made once per build: Keycloak's schema (about a hundred Liquibase change
 * sets) and the imported realm, which every test and benchmark stack otherwise created anew at start-up (a third of
 * Keycloak's start on the critical path of the stack's cold start). The build's package phase runs
 * {@code kc.sh import} into an H2 file; a stack with a throwaway database starts from a copy of it. The template is
 * named by what it was made from: the realm as the stack would import it and the Keycloak build; a stack whose realm
 * differs (the console on another port) or a rebuilt distribution finds none and lets Keycloak create its schema and
 * import the realm as before. A copy shares the realm's signing keys with other throwaway stacks of the same build:
 * this is for tests and benchmarks only, never for the run command's kept database or production.
 */
public final class KeycloakTemplate {

    private static final String FILE = "keycloakdb.mv.db";

    private KeycloakTemplate() {
    }

    /** Copies the template made for {@code realm} into {@code databaseDir}, if there is one; whether it did. */
    static boolean copyInto(Path dist, String realm, Path databaseDir) {
        Optional<Path> template = find(dist, realm);
        if (template.isEmpty()) {
            return false;
        }
        try {
            if (Files.exists(databaseDir.resolve(FILE))) {
                return false; // the stack's own database from an earlier start: kept
            }
            Files.createDirectories(databaseDir);
            Files.copy(template.get().resolve(FILE), databaseDir.resolve(FILE));
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Optional<Path> find(Path dist, String realm) {
        try {
            Path dir = directory(dist, realm);
            return Files.exists(dir.resolve("done")) ? Optional.of(dir) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static Path directory(Path dist, String realm) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(realm.getBytes(StandardCharsets.UTF_8));
            sha.update(KeycloakBuild.stamp(dist).getBytes(StandardCharsets.UTF_8));
            sha.update(String.join(" ", LocalStack.KEYCLOAK_JVM).getBytes(StandardCharsets.UTF_8));
            sha.update(new java.util.TreeMap<>(LocalStack.KEYCLOAK_ADMIN).toString().getBytes(StandardCharsets.UTF_8));
            return dist.resolve("data/templates").resolve(HexFormat.of().formatHex(sha.digest()).substring(0, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Makes the template for {@code realm} unless it exists (older templates are removed). */
    static void ensure(Path dist, String realm, String javaHome, PrintStream console)
            throws IOException, InterruptedException {
        if (find(dist, realm).isPresent()) {
            return;
        }
        Path dir = directory(dist, realm);
        AotCache.deleteRecursively(dist.resolve("data/templates"));
        Files.createDirectories(dir);
        Path realmFile = dir.resolve("finance-realm.json");
        Files.writeString(realmFile, realm, StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of(dist.resolve("bin/kc.sh").toString(), "import", "--optimized",
                "--file=" + realmFile, "--db-url=jdbc:h2:file:" + dir.resolve("keycloakdb").toAbsolutePath()
                        + ";NON_KEYWORDS=VALUE"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("import.log").toFile());
        builder.environment().put("JAVA_HOME", javaHome);
        builder.environment().put("JAVA_OPTS", String.join(" ", LocalStack.KEYCLOAK_JVM));
        // the master realm is initialised by this import: its bootstrap administrator too (a start finding the
        // master realm there creates none), the same one LocalStack gives a stack's Keycloak
        builder.environment().putAll(LocalStack.KEYCLOAK_ADMIN);
        long t0 = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("kc.sh import did not finish within 10 minutes; see " + dir.resolve("import.log"));
        }
        if (process.exitValue() != 0 || !Files.exists(dir.resolve(FILE))) {
            throw new IllegalStateException("kc.sh import failed with code " + process.exitValue() + "; see "
                    + dir.resolve("import.log"));
        }
        Files.writeString(dir.resolve("done"), "", StandardCharsets.UTF_8);
        console.printf("[local-stack] Keycloak database template made in %.1f s (%s)%n",
                (System.nanoTime() - t0) / 1e9, dir);
    }
}

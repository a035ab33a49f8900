package cn.finance.disclosure.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the stack lives and which loopback ports it uses. Every value has a documented default and an environment
 * override ({@code STACK_GATEWAY_PORT=18080}, ...).
 */
public record StackSettings(
        Path projectRoot,
        Path dataDirectory,
        Path logDirectory,
        int gatewayPort,
        int departmentPort,
        int budgetPort,
        int publicationPort,
        int keycloakPort,
        int keycloakManagementPort,
        int kafkaPort,
        int kafkaControllerPort,
        int mongoPort,
        boolean keycloakThrowaway,
        boolean loadDemo) {

    public static final String KEYCLOAK_VERSION = "26.5.6";

    /** The defaults the README documents, overridable from the environment. */
    public static StackSettings fromEnvironment(Map<String, String> env) {
        Path root = findProjectRoot(Path.of(env.getOrDefault("STACK_PROJECT_ROOT", ".")));
        return new StackSettings(
                root,
                Path.of(env.getOrDefault("STACK_DATA_DIR", root.resolve(".stack-data").toString())),
                env.containsKey("STACK_LOG_DIR") ? Path.of(env.get("STACK_LOG_DIR")) : null,
                port(env, "STACK_GATEWAY_PORT", 8080),
                port(env, "STACK_DEPARTMENT_PORT", 8081),
                port(env, "STACK_BUDGET_PORT", 8082),
                port(env, "STACK_PUBLICATION_PORT", 8083),
                port(env, "STACK_KEYCLOAK_PORT", 8180),
                port(env, "STACK_KEYCLOAK_MANAGEMENT_PORT", 9100),
                port(env, "STACK_KAFKA_PORT", 9092),
                port(env, "STACK_KAFKA_CONTROLLER_PORT", 9093),
                port(env, "STACK_MONGO_PORT", 27017),
                Boolean.parseBoolean(env.getOrDefault("STACK_KEYCLOAK_IN_MEMORY", "false")),
                Boolean.parseBoolean(env.getOrDefault("STACK_DEMO", "true")));
    }

    /** A stack on free ports with its own data and log folders, for tests beside a running development stack. */
    public static StackSettings forTests(Path projectRoot, Path workDirectory, boolean loadDemo) {
        return new StackSettings(projectRoot, workDirectory.resolve("data"), workDirectory.resolve("logs"),
                FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(),
                FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(), true, loadDemo);
    }

    public String issuer() {
        return "http://127.0.0.1:" + keycloakPort + "/realms/finance";
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + gatewayPort;
    }

    public Path keycloakHome() {
        return projectRoot.resolve("local-stack/target/keycloak-" + KEYCLOAK_VERSION);
    }

    /** Walks up from {@code start} to the folder holding the aggregator pom and the local-stack module. */
    public static Path findProjectRoot(Path start) {
        Path dir = start.toAbsolutePath().normalize();
        while (dir != null) {
            if (Files.exists(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("local-stack"))
                    && Files.isDirectory(dir.resolve("keycloak"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("cannot find the project root above " + start.toAbsolutePath()
                + " (set STACK_PROJECT_ROOT)");
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}

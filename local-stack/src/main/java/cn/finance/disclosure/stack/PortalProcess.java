package cn.finance.disclosure.stack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The public portal as a process of the stack: a client of the public API only (its upstream is the gateway, or any
 * stand-in), with its own database on the stack's MongoDB-wire server. Tests start more portals the same way, in
 * front of stand-in upstreams.
 */
public final class PortalProcess {

    /** The documented default port, when the gateway has its default port too. */
    public static final int DEFAULT_PORT = 8090;

    private PortalProcess() {
    }

    /**
     * {@code STACK_PORTAL_PORT} if set; else 8090 beside a gateway on its default 8080; else (a stack on custom or free
     * ports, e.g. in tests) a free port, so two stacks never collide. The banner prints the URL.
     */
    public static int port(StackSettings settings, Map<String, String> env) {
        String value = env.get("STACK_PORTAL_PORT");
        if (value != null && !value.isBlank()) {
            return Integer.parseInt(value.trim());
        }
        return settings.gatewayPort() == 8080 ? DEFAULT_PORT : FreePorts.next();
    }

    /**
     * A portal on {@code port} reading {@code upstreamUrl}, storing in {@code database}, polling every
     * {@code pollInterval} (e.g. "2s"); its output goes to {@code <logs>/<name>.log} when the stack logs to files.
     */
    public static ManagedProcess create(StackSettings settings, String name, int port, String upstreamUrl,
                                        String database, String pollInterval, PrintStream console) {
        Path jar = settings.projectRoot().resolve("portal/target/portal.jar");
        String java = ProcessHandle.current().info().command().orElse("java");
        Map<String, String> env = new HashMap<>();
        env.put("SERVER_PORT", String.valueOf(port));
        env.put("MONGODB_URI", "mongodb://127.0.0.1:" + settings.mongoPort() + "/" + database);
        env.put("PORTAL_UPSTREAM_URL", upstreamUrl);
        env.put("PORTAL_PUBLIC_URL", settings.gatewayUrl());
        env.put("PORTAL_POLL_INTERVAL", pollInterval);
        String logFormat = System.getenv("LOG_FORMAT");
        if (logFormat != null) {
            env.put("LOG_FORMAT", logFormat);
        }
        List<String> command = AotCache.command(java, jar, List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:MaxMetaspaceSize=160m", "-Xss512k", "-XX:ReservedCodeCacheSize=64m", "-XX:TrimNativeHeapInterval=5000",
                "-Dfile.encoding=UTF-8"));
        Path log = settings.logDirectory() == null ? null : settings.logDirectory().resolve(name + ".log");
        return new ManagedProcess(name, command, env, settings.projectRoot(),
                Probes.http200("http://127.0.0.1:" + port + "/actuator/health/readiness"), log, console);
    }

    public static String url(int port) {
        return "http://127.0.0.1:" + port;
    }
}

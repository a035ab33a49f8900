package cn.finance.disclosure.portal.sync;

import cn.finance.disclosure.portal.verify.Hashes;
import cn.finance.disclosure.portal.verify.Verification;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * A stand-in for the platform's public API: a release feed and version documents built the way the platform builds
 * them, served by the JDK's HTTP server, with ways to tamper with what it serves.
 */
final class FakePlatform implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final List<ObjectNode> entries = new ArrayList<>();
    private final Map<String, byte[]> versions = new ConcurrentHashMap<>();
    volatile UnaryOperator<byte[]> versionTamper = b -> b;
    volatile UnaryOperator<ObjectNode> entryTamper = e -> e;
    volatile boolean down;

    FakePlatform() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body = null;
            int status = 404;
            if (down) {
                status = 503;
            } else if (path.equals("/public/v1/releases")) {
                long after = Long.parseLong(query(exchange.getRequestURI().getQuery(), "after"));
                ObjectNode page = JSON.createObjectNode();
                ArrayNode out = page.putArray("entries");
                synchronized (entries) {
                    entries.stream().filter(e -> e.get("sequence").asLong() > after)
                            .forEach(e -> out.add(entryTamper.apply(e.deepCopy())));
                }
                page.put("next", "0").put("hasMore", false);
                body = page.toString().getBytes(StandardCharsets.UTF_8);
                status = 200;
            } else if (versions.containsKey(path)) {
                body = versionTamper.apply(versions.get(path));
                status = 200;
            }
            if ("HEAD".equals(exchange.getRequestMethod()) || body == null) {
                exchange.sendResponseHeaders(status, -1);
            } else {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    static ObjectNode content(String text, String expenditure) {
        ObjectNode content = JSON.createObjectNode();
        content.put("title", "测试单位2024年部门预算情况说明").put("fiscalYear", 2024).put("departmentCode", "405001")
                .put("departmentName", "测试单位").put("text", text);
        content.putObject("figures").put("revenueTotal", expenditure).put("expenditureTotal", expenditure);
        content.putArray("sections");
        content.putArray("tables");
        return content;
    }

    /** Publishes a release or correction: the version's JSON and a chained feed entry. */
    String release(int version, ObjectNode content, Integer supersedes, String reason) {
        String link = "/public/v1/publications/405001/2024/versions/" + version;
        String hash = Hashes.sha256Hex(content);
        ObjectNode doc = JSON.createObjectNode();
        doc.put("departmentCode", "405001").put("departmentName", "测试单位").put("fiscalYear", 2024)
                .put("version", version).put("releasedAt", "2026-11-28T10:00:00Z").put("correction", supersedes != null)
                .put("reason", reason).put("contentHash", hash);
        doc.set("content", content);
        versions.put(link, doc.toString().getBytes(StandardCharsets.UTF_8));
        append(supersedes == null ? "released" : "corrected", version, hash, supersedes, reason);
        return hash;
    }

    void append(String type, int version, String hash, Integer supersedes, String reason) {
        synchronized (entries) {
            ObjectNode e = JSON.createObjectNode();
            long sequence = entries.size() + 1;
            e.put("sequence", sequence).put("type", type).put("eventId", "event-" + sequence)
                    .put("departmentCode", "405001").put("departmentName", "测试单位").put("fiscalYear", 2024)
                    .put("version", version).put("contentHash", hash);
            if (supersedes == null) {
                e.putNull("supersedes");
            } else {
                e.put("supersedes", supersedes.intValue());
            }
            e.put("reason", reason).put("occurredAt", "2026-11-28T10:0" + sequence + ":00Z")
                    .put("link", "/public/v1/publications/405001/2024/versions/" + version)
                    .put("previousEntryHash", entries.isEmpty() ? null : entries.getLast().get("entryHash").stringValue());
            e.put("entryHash", Verification.entryHash(e));
            entries.add(e);
        }
    }

    private static String query(String query, String name) {
        for (String part : query.split("&")) {
            if (part.startsWith(name + "=")) {
                return part.substring(name.length() + 1);
            }
        }
        return "0";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

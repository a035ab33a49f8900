package cn.finance.disclosure.system;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.function.UnaryOperator;

/**
 * A stand-in upstream for a portal: passes every request through to the gateway, except that it alters what one
 * address answers — the bytes of one version, or the release feed (to break its chain).
 */
final class TamperingUpstream implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private TamperingUpstream(String gateway, String alteredPath, UnaryOperator<byte[]> alter) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> forward(exchange, gateway, alteredPath, alter));
        server.start();
    }

    /** Serves version {@code versionPath} with one text changed (so its content no longer hashes as announced). */
    static TamperingUpstream alteringVersion(String gateway, String versionPath, String from, String to) {
        return new TamperingUpstream(gateway, versionPath,
                body -> new String(body, StandardCharsets.UTF_8).replace(from, to).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Serves the release feed with entry {@code sequence} relinked to a forged predecessor and its own hash recomputed,
     * as a forger who rewrites history would: the entry is self-consistent, the chain is not.
     */
    static TamperingUpstream breakingChainAt(String gateway, long sequence) {
        return new TamperingUpstream(gateway, "/public/v1/releases", body -> {
            ObjectNode page = (ObjectNode) JSON.readTree(body);
            for (JsonNode entry : page.get("entries")) {
                if (entry.get("sequence").asLong() == sequence) {
                    ObjectNode e = (ObjectNode) entry;
                    e.put("previousEntryHash", "0".repeat(64));
                    e.remove("entryHash");
                    e.put("entryHash", sha256(PublicationSystemTest.Jcs.canonicalize(e)));
                }
            }
            return page.toString().getBytes(StandardCharsets.UTF_8);
        });
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void forward(HttpExchange exchange, String gateway, String alteredPath, UnaryOperator<byte[]> alter)
            throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + uri.getRawPath()
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())));
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            request.method(head ? "HEAD" : "GET", HttpRequest.BodyPublishers.noBody());
            HttpResponse<byte[]> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(502, -1);
                return;
            } catch (IOException e) {
                exchange.sendResponseHeaders(502, -1);
                return;
            }
            byte[] body = response.body();
            if (response.statusCode() == 200 && uri.getRawPath().equals(alteredPath) && !head) {
                body = alter.apply(body);
            }
            response.headers().firstValue("Content-Type")
                    .ifPresent(type -> exchange.getResponseHeaders().set("Content-Type", type));
            if (head || body.length == 0) {
                exchange.sendResponseHeaders(response.statusCode(), -1);
            } else {
                exchange.sendResponseHeaders(response.statusCode(), body.length);
                exchange.getResponseBody().write(body);
            }
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

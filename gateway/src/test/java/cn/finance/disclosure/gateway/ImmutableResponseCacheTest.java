package cn.finance.disclosure.gateway;

import cn.finance.disclosure.testing.Http;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Released versions are answered from the gateway's memory after the first read (which goes to the service, with a
 * copy fetched beside it: two service hits in all); nothing else is.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "finance.gateway.public-rate-limit.enabled=false", "logging.structured.format.console=",
        // the JDK's little HTTP server and a pooled keep-alive connection disagree now and then: one connection each
        "spring.cloud.gateway.server.webflux.httpclient.pool.type=disabled"})
class ImmutableResponseCacheTest {

    static final Map<String, AtomicInteger> HITS = new ConcurrentHashMap<>();
    /** Shared by the cache's test classes; it ends with the test JVM. */
    static final HttpServer STUB = stub();

    /** Every byte value, as a PDF or workbook has them: a binary body must come back byte for byte. */
    static final byte[] BINARY = binary();

    static byte[] binary() {
        byte[] b = new byte[4096];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i * 31 + 7);
        }
        return b;
    }

    static HttpServer stub() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                HITS.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
                boolean binary = path.endsWith(".pdf") || path.endsWith(".xlsx");
                byte[] body = binary ? BINARY : ("{\"版本\":\"" + path + "\"}").getBytes(StandardCharsets.UTF_8);
                int status = path.endsWith("/versions/9") ? 404 : 200;
                exchange.getResponseHeaders().add("Content-Type", path.endsWith(".pdf") ? "application/pdf"
                        : path.endsWith(".xlsx") ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                        : "application/json");
                exchange.getResponseHeaders().add("Content-Security-Policy", "default-src 'none'");
                exchange.getResponseHeaders().add("X-Content-Type-Options", "nosniff");
                exchange.getResponseHeaders().add("Set-Cookie", "tracking=1");
                exchange.getResponseHeaders().add("ETag", "\"hash-" + path.length() + "\"");
                exchange.getResponseHeaders().add("Cache-Control", path.matches(".*/versions/[0-9]+.*")
                        ? "max-age=31536000, public, immutable" : "no-cache, public");
                exchange.sendResponseHeaders(status, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("PUBLICATION_SERVICE_URI", () -> "http://127.0.0.1:" + STUB.getAddress().getPort());
    }

    @LocalServerPort
    int port;

    Http http() {
        return new Http("http://127.0.0.1:" + port);
    }

    @Test
    void aReleasedVersionIsFetchedOnceAndThenServedWithTheSameBytesAndHeaders() {
        String path = "/public/v1/publications/405001/2024/versions/1";
        Http.Response first = http().get(path, null);
        awaitHits(path, 2);
        Http.Response second = http().get(path, null);
        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body()).contains("版本");
        assertThat(second.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(second.header("Cache-Control")).contains("immutable");
        assertThat(second.header("Content-Type")).startsWith("application/json");
        assertThat(second.header("Content-Security-Policy")).isEqualTo("default-src 'none'");
        assertThat(second.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(second.header("Set-Cookie")).isNull();
        assertThat(HITS.get(path).get()).isEqualTo(2);

        Http.Response revalidated = http().get(path, null, "If-None-Match", first.header("ETag"));
        assertThat(revalidated.status()).isEqualTo(304);
        assertThat(revalidated.body()).isEmpty();
        assertThat(revalidated.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(http().get(path, null, "If-None-Match", "\"other\"").status()).isEqualTo(200);
        assertThat(HITS.get(path).get()).isEqualTo(2);
    }

    @Test
    void everyRepresentationOfAVersionIsCachedSeparately() {
        for (String suffix : new String[]{".txt", ".html", "/tables/three-public-expenses.csv"}) {
            String path = "/public/v1/publications/405001/2024/versions/2" + suffix;
            assertThat(http().get(path, null).body()).contains(path);
            awaitHits(path, 2);
            assertThat(http().get(path, null).body()).contains(path);
            assertThat(http().get(path, null).body()).contains(path);
            assertThat(HITS.get(path).get()).as(suffix).isEqualTo(2);
        }
    }

    @Test
    void pdfAndWorkbookAttachmentsAreCachedByteForByteWithTheirContentTypes() throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        for (String suffix : new String[]{".pdf", ".xlsx"}) {
            String path = "/public/v1/publications/405001/2024/versions/4" + suffix;
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
                    .GET().build();
            var first = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertThat(first.body()).isEqualTo(BINARY);
            awaitHits(path, 2);
            var cached = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertThat(cached.body()).as(suffix).isEqualTo(BINARY);
            assertThat(cached.headers().firstValue("Content-Type")).isEqualTo(first.headers().firstValue("Content-Type"));
            assertThat(cached.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag"));
            assertThat(HITS.get(path).get()).as(suffix + " served from the gateway").isEqualTo(2);
        }
    }

    static void awaitHits(String path, int hits) {
        for (int i = 0; i < 100 && (HITS.get(path) == null || HITS.get(path).get() < hits); i++) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            Thread.sleep(100); // the copy is stored right after the service answered it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void mutableAnswersErrorsAndQueriesAlwaysReachTheService() {
        String current = "/public/v1/publications/405001/2024";
        http().get(current, null);
        http().get(current, null);
        assertThat(HITS.get(current).get()).isEqualTo(2);

        String missing = "/public/v1/publications/405001/2024/versions/9";
        http().get(missing, null);
        awaitHits(missing, 2);
        http().get(missing, null);
        awaitHits(missing, 4);
        assertThat(HITS.get(missing).get()).as("a 404 is never kept: each read goes to the service").isEqualTo(4);

        String versioned = "/public/v1/publications/405001/2024/versions/3";
        http().get(versioned + "?x=1", null);
        http().get(versioned + "?x=1", null);
        assertThat(HITS.get(versioned).get()).isEqualTo(2);
    }
}

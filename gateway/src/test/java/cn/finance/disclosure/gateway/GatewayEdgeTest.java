package cn.finance.disclosure.gateway;

import cn.finance.disclosure.testing.Http;
import cn.finance.disclosure.testing.TestIssuer;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway in front of a stub service: routes registered, tokens checked at the edge (every forgery refused),
 * correlation ids passed on, body size limited and anonymous public reads rate-limited per address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "finance.gateway.max-body-size=1KB",
        "finance.gateway.public-rate-limit.requests-per-second=1",
        "finance.gateway.public-rate-limit.burst=5",
        "logging.structured.format.console="})
class GatewayEdgeTest {

    static final TestIssuer ISSUER = TestIssuer.start();
    static final HttpServer STUB = stub();

    static HttpServer stub() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                if (exchange.getRequestURI().getPath().endsWith("/streamed")) {
                    exchange.getRequestBody().readAllBytes();
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, 0); // no length: chunked on the way to the gateway
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write("{\"service\":\"stub\",\"streamed\":true}".getBytes(StandardCharsets.UTF_8));
                    }
                    return;
                }
                String answer = "{\"service\":\"stub\",\"path\":\"" + exchange.getRequestURI().getPath()
                        + "\",\"correlationId\":\"" + exchange.getRequestHeaders().getFirst("X-Correlation-Id") + "\"}";
                byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
                exchange.getRequestBody().readAllBytes();
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
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
        String stubUri = "http://127.0.0.1:" + STUB.getAddress().getPort();
        registry.add("DEPARTMENT_SERVICE_URI", () -> stubUri);
        registry.add("BUDGET_SERVICE_URI", () -> stubUri);
        registry.add("PUBLICATION_SERVICE_URI", () -> stubUri);
        registry.add("finance.gateway.issuer-uri", ISSUER::issuer);
        registry.add("finance.gateway.jwk-set-uri", ISSUER::jwkSetUri);
    }

    @AfterAll
    static void stop() {
        STUB.stop(0);
        ISSUER.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    RouteLocator routes;

    Http http() {
        return new Http("http://127.0.0.1:" + port);
    }

    @Test
    void everyServiceRouteIsRegistered() {
        Map<String, String> registered = routes.getRoutes().collectList().block().stream()
                .collect(Collectors.toMap(Route::getId, r -> r.getUri().toString()));
        String stubUri = "http://127.0.0.1:" + STUB.getAddress().getPort();
        assertThat(registered).containsEntry("departments", stubUri).containsEntry("budgets", stubUri)
                .containsEntry("publications", stubUri).containsEntry("public", stubUri);
    }

    @Test
    void staffRoutesNeedAToken() {
        Http.Response r = http().get("/api/v1/departments", null);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void aValidTokenIsRoutedWithTheCallersCorrelationId() {
        String token = ISSUER.token("fgu-clerk", "department-clerk", "405001");
        Http.Response r = http().get("/api/v1/departments/405001", token, "X-Correlation-Id", "trace-abc-123");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"path\":\"/api/v1/departments/405001\"")
                .contains("\"correlationId\":\"trace-abc-123\"");
        assertThat(r.header("X-Correlation-Id")).isEqualTo("trace-abc-123");
        for (String path : new String[]{"/api/v1/budgets", "/api/v1/publications/x"}) {
            assertThat(http().get(path, token).status()).as(path).isEqualTo(200);
        }
    }

    @Test
    void aCorrelationIdIsCreatedWhenMissingOrUnsafe() {
        String token = ISSUER.token("fgu-clerk", "department-clerk", "405001");
        Http.Response r = http().get("/api/v1/budgets", token, "X-Correlation-Id", "bad id\"with quotes");
        assertThat(r.header("X-Correlation-Id")).matches("[0-9a-f-]{36}");
        assertThat(r.body()).contains(r.header("X-Correlation-Id"));
    }

    @Test
    void forgedTokensAreRefused() {
        Map<String, String> forged = Map.of(
                "wrong signature", ISSUER.signedByStranger("fgu-clerk", "department-clerk", "405001"),
                "expired", ISSUER.expired("fgu-clerk", "department-clerk", "405001"),
                "other issuer", ISSUER.fromOtherIssuer("fgu-clerk", "department-clerk", "405001"),
                "other audience", ISSUER.forOtherAudience("fgu-clerk", "department-clerk", "405001"),
                "alg none", ISSUER.unsigned("fgu-clerk", "department-clerk", "405001"),
                "edited claim", ISSUER.tampered("fgu-clerk", "department-clerk", "405002", "405001"),
                "garbage", "not.a.jwt");
        forged.forEach((what, token) -> {
            Http.Response r = http().get("/api/v1/departments/405001", token);
            assertThat(r.status()).as(what).isEqualTo(401);
            assertThat(r.body()).as(what).doesNotContain("stub");
        });
    }

    @Test
    void everythingElseIsDenied() {
        String token = ISSUER.token("bureau-admin", "bureau-admin", null);
        assertThat(http().get("/admin", null).status()).isEqualTo(401);
        Http.Response r = http().get("/api/v2/anything", token);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body()).doesNotContain("stub");
    }

    @Test
    void malformedRequestsAreRefusedAsProblemsBeforeAnyService() {
        String token = ISSUER.token("fgu-clerk", "department-clerk", "405001");
        Map<String, Integer> cases = Map.of(
                "/api/v1/departments/" + "1".repeat(5000), 414,
                "/api/v1/departments/%ff%fe", 400,
                "/api/v1/departments/%c0%af", 400,
                "/api/v1/departments/..%2F..%2Fadmin", 400,
                "/public/v1/publications/%2e%2e/x", 400,
                "/api/v1/departments/a%00b", 400);
        cases.forEach((path, status) -> {
            Http.Response r = http().get(path, token);
            assertThat(r.status()).as(path).isEqualTo(status);
            assertThat(r.header("Content-Type")).as(path).startsWith("application/problem+json");
            assertThat(r.body()).as(path).doesNotContain("stub");
        });
        Http.Response headers = http().get("/api/v1/departments", token, "X-Padding", "p".repeat(10_000));
        assertThat(headers.status()).isEqualTo(431);
        assertThat(headers.header("Content-Type")).startsWith("application/problem+json");
    }

    /** Sends bytes as they are (no client library "fixes" them) and reads the answer until the gateway closes. */
    String raw(String request) {
        try (java.net.Socket socket = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void unencodedBracketsBracesPipesCaretsAndQuotesInTheTargetAreProblemsNotHtmlOrEmpty() {
        String token = ISSUER.token("fgu-clerk", "department-clerk", "405001");
        for (String target : new String[]{"/public/v1/publications?q=[x]", "/public/v1/publications?fiscalYear[]=2024",
                "/public/v1/publications?q={x}", "/public/v1/publications?q=a|b", "/public/v1/publications?q=a^b",
                "/public/v1/publications?q=\"x\"", "/api/v1/departments?q=[1]", "/api/v1/departments/{code}"}) {
            String answer = raw("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                    + "\r\nConnection: close\r\n\r\n");
            assertThat(answer).as(target).startsWith("HTTP/1.1 400");
            assertThat(answer).as(target).containsIgnoringCase("content-type: application/problem+json")
                    .contains("urn:finance:problem:malformed-uri").doesNotContain("stub").doesNotContain("<html");
        }
        assertThat(raw("GET /api/v1/departments?q=%5Bx%5D HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                + "\r\nConnection: close\r\n\r\n"))
                .as("the same characters encoded pass").startsWith("HTTP/1.1 200").contains("stub");
    }

    @Test
    void requestLinesAndHeadersOverNettysLimitsAreProblemsNotBare414Or431() {
        String line = raw("GET /public/v1/publications?q=" + "a".repeat(70_000)
                + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertThat(line).startsWith("HTTP/1.1 414").containsIgnoringCase("content-type: application/problem+json")
                .contains("urn:finance:problem:uri-too-long");
        String headers = raw("GET /public/v1/publications HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: "
                + "p".repeat(70_000) + "\r\nConnection: close\r\n\r\n");
        assertThat(headers).startsWith("HTTP/1.1 431").containsIgnoringCase("content-type: application/problem+json")
                .contains("urn:finance:problem:headers-too-large");
    }

    @Test
    void anHttp10ClientNeverGetsAChunkedAnswer() {
        String token = ISSUER.token("fgu-clerk", "department-clerk", "405001");
        for (String target : new String[]{"/api/v1/budgets/streamed", "/api/v1/publications/streamed",
                "/api/v1/departments"}) {
            String answer = raw("GET " + target + " HTTP/1.0\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                    + "\r\n\r\n");
            assertThat(answer).as(target).startsWith("HTTP/1.");
            assertThat(answer.toLowerCase(java.util.Locale.ROOT)).as(target).doesNotContain("transfer-encoding");
            assertThat(answer).as(target).contains("\"service\":\"stub\"");
        }
        String keepAlive = raw("GET /api/v1/budgets/streamed HTTP/1.0\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n"
                + "Authorization: Bearer " + token + "\r\n\r\n");
        assertThat(keepAlive.toLowerCase(java.util.Locale.ROOT)).doesNotContain("transfer-encoding");
        assertThat(keepAlive).endsWith("\"streamed\":true}");
    }

    @Test
    void theCorrelationIdHeaderIsAnsweredOnce() {
        String token = ISSUER.token("fgu-clerk", "department-clerk", "405001");
        Http.Response r = http().get("/api/v1/budgets", token, "X-Correlation-Id", "once-only");
        assertThat(r.headers().allValues("X-Correlation-Id")).containsExactly("once-only");
    }

    @Test
    void oversizedBodiesAreRefusedAtTheEdge() {
        String token = ISSUER.token("fgu-clerk", "department-clerk", "405001");
        Http.Response r = http().post("/api/v1/budgets", token, "{\"x\":\"" + "a".repeat(2000) + "\"}");
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(http().post("/api/v1/budgets", token, "{\"x\":1}").status()).isEqualTo(200);
    }

    @Test
    void theWorkbookImportRouteAloneTakesLargerBodies() {
        String token = ISSUER.token("fgu-clerk", "department-clerk", "405001");
        String twoKilobytes = "a".repeat(2000);
        assertThat(http().send("POST", "/api/v1/budgets/imports", token, twoKilobytes, "Content-Type",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").status()).isEqualTo(200);
        assertThat(http().send("POST", "/api/v1/budgets/imports/x", token, twoKilobytes).status()).isEqualTo(413);
        assertThat(http().post("/api/v1/budgets", token, twoKilobytes).status()).isEqualTo(413);
    }

    @Test
    void anonymousPublicReadsAreRateLimitedPerAddress() {
        int ok = 0;
        int limited = 0;
        for (int i = 0; i < 12; i++) {
            Http.Response r = http().get("/public/v1/publications", null);
            if (r.status() == 200) {
                ok++;
            } else if (r.status() == 429) {
                limited++;
                assertThat(r.header("Retry-After")).isEqualTo("1");
                assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            }
        }
        // burst 5, refill 1/s: at most 5 (+ the seconds elapsed) get through, whatever other tests already used
        assertThat(ok).isBetween(1, 7);
        assertThat(limited).isGreaterThanOrEqualTo(5);
        assertThat(ok + limited).isEqualTo(12);
    }
}

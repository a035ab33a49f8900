package cn.finance.disclosure.stack;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Talks to the running stack as the demo users do: password grant at Keycloak (client finance-cli), then the staff
 * API through the gateway with the bearer token. Used by the demo loader, the system tests and the benchmark.
 */
public final class StaffClient {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();

    private final String gatewayUrl;
    private final String issuer;
    private final Map<String, CachedToken> tokens = new ConcurrentHashMap<>();

    public StaffClient(String gatewayUrl, String issuer) {
        this.gatewayUrl = gatewayUrl;
        this.issuer = issuer;
    }

    public record Answer(int status, String body, java.net.http.HttpHeaders headers) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    private record CachedToken(String value, Instant refreshAfter) {
    }

    /** An access token for a demo user (password "demo" unless given), cached until shortly before it expires. */
    public String token(String username) {
        return token(username, "demo");
    }

    public String token(String username, String password) {
        CachedToken cached = tokens.get(username);
        if (cached != null && Instant.now().isBefore(cached.refreshAfter())) {
            return cached.value();
        }
        // one login per user at a time: with the realm's brute-force detection on, Keycloak refuses some of many
        // simultaneous password logins of one user ("Invalid user credentials"), so parallel callers share one
        synchronized (loginLocks.computeIfAbsent(username, u -> new Object())) {
            cached = tokens.get(username);
            if (cached != null && Instant.now().isBefore(cached.refreshAfter())) {
                return cached.value();
            }
            return login(username, password);
        }
    }

    private final java.util.concurrent.ConcurrentHashMap<String, Object> loginLocks =
            new java.util.concurrent.ConcurrentHashMap<>();

    private String login(String username, String password) {
        String form = "grant_type=password&client_id=finance-cli&username=" + enc(username) + "&password=" + enc(password);
        Answer answer = send(HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (answer.status() != 200) {
            throw new IllegalStateException("login of " + username + " failed: " + answer);
        }
        JsonNode body = answer.json();
        String token = body.get("access_token").asString();
        long expiresIn = body.get("expires_in").asLong();
        tokens.put(username, new CachedToken(token, Instant.now().plusSeconds(Math.max(5, expiresIn - 30))));
        return token;
    }

    public Answer get(String path, String username) {
        return call("GET", path, username, null);
    }

    public Answer post(String path, String username, Object body) {
        return call("POST", path, username, body);
    }

    public Answer put(String path, String username, Object body, String... headers) {
        return call("PUT", path, username, body, headers);
    }

    /** {@code username} null calls anonymously; {@code body} is a JSON string or an object to serialize. */
    public Answer call(String method, String path, String username, Object body, String... headers) {
        String json = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gatewayUrl + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (username != null) {
            request.header("Authorization", "Bearer " + token(username));
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    static Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

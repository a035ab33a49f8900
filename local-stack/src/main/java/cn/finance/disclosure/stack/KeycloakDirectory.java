package cn.finance.disclosure.stack;

import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Realm users made through the real Keycloak's admin API (development admin of the local stack), for tests and
 * benchmarks that need people the demo realm does not have: a clerk and a head for each of many departments, or one
 * person holding several roles to show that separation of duties is enforced on the person.
 */
public final class KeycloakDirectory {

    private final String base;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, JsonNode> roles = new ConcurrentHashMap<>();
    private volatile String adminToken;
    private volatile Instant adminTokenRefreshAfter = Instant.EPOCH;

    public KeycloakDirectory(int keycloakPort) {
        this.base = "http://127.0.0.1:" + keycloakPort;
    }

    /** Creates (once) a user with password "demo", the given realm roles and, when given, a department code. */
    public void ensureUser(String username, String departmentCode, String... realmRoles) {
        Map<String, Object> user = new HashMap<>(Map.of(
                "username", username, "enabled", true, "emailVerified", true,
                "email", username + "@example.invalid", "firstName", "测试", "lastName", username,
                "credentials", List.of(Map.of("type", "password", "value", "demo", "temporary", false))));
        if (departmentCode != null) {
            user.put("attributes", Map.of("department_code", List.of(departmentCode)));
        }
        HttpResponse<String> created = send("POST", "/admin/realms/finance/users", StaffClient.JSON.writeValueAsString(user));
        if (created.statusCode() != 201 && created.statusCode() != 409) {
            throw new IllegalStateException("creating user " + username + " failed: " + created.body());
        }
        JsonNode found = StaffClient.JSON.readTree(send("GET", "/admin/realms/finance/users?exact=true&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8), null).body());
        String id = found.get(0).get("id").asString();
        List<JsonNode> granted = new ArrayList<>();
        for (String role : realmRoles) {
            granted.add(roles.computeIfAbsent(role, r ->
                    StaffClient.JSON.readTree(send("GET", "/admin/realms/finance/roles/" + r, null).body())));
        }
        HttpResponse<String> mapped = send("POST", "/admin/realms/finance/users/" + id + "/role-mappings/realm",
                StaffClient.JSON.writeValueAsString(granted));
        if (mapped.statusCode() != 204) {
            throw new IllegalStateException("granting roles to " + username + " failed: " + mapped.body());
        }
    }

    /**
     * Takes a role out of realm finance's default roles. Keycloak's realm import always adds {@code offline_access} to
     * them (whatever the realm file says), so this runs once the realm is there, as an operator's setup step would.
     */
    public void removeFromDefaultRoles(String role) {
        HttpResponse<String> found = send("GET", "/admin/realms/finance/roles/" + role, null);
        if (found.statusCode() != 200) {
            return;
        }
        HttpResponse<String> removed = send("DELETE", "/admin/realms/finance/roles/default-roles-finance/composites",
                "[" + found.body() + "]");
        if (removed.statusCode() != 204) {
            throw new IllegalStateException("removing " + role + " from the default roles failed: " + removed.body());
        }
    }

    private String adminToken() {
        if (adminToken == null || Instant.now().isAfter(adminTokenRefreshAfter)) {
            String form = "grant_type=password&client_id=admin-cli&username=admin&password=admin";
            StaffClient.Answer answer = StaffClient.send(HttpRequest.newBuilder(
                            URI.create(base + "/realms/master/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build());
            if (answer.status() != 200) {
                throw new IllegalStateException("Keycloak admin login failed: " + answer);
            }
            adminToken = answer.json().get("access_token").asString();
            adminTokenRefreshAfter = Instant.now().plusSeconds(30);
        }
        return adminToken;
    }

    private HttpResponse<String> send(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + adminToken())
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

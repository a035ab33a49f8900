package cn.finance.disclosure.system;

import cn.finance.disclosure.stack.StaffClient;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Makes realm users through the real Keycloak's admin API, for tests that need a person the demo realm does not
 * have: one who holds two roles at once, to show that separation of duties is enforced on the person, not the role.
 */
final class KeycloakUsers {

    private final String base;
    private final HttpClient http = HttpClient.newHttpClient();

    KeycloakUsers(int keycloakPort) {
        this.base = "http://127.0.0.1:" + keycloakPort;
    }

    /** Creates (once) a user with password "demo", the given realm roles and, when given, a department code. */
    void ensureUser(String username, String departmentCode, String... realmRoles) throws Exception {
        String admin = adminToken();
        Map<String, Object> user = new java.util.HashMap<>(Map.of(
                "username", username, "enabled", true, "emailVerified", true,
                "email", username + "@example.invalid", "firstName", "测试", "lastName", username,
                "credentials", List.of(Map.of("type", "password", "value", "demo", "temporary", false))));
        if (departmentCode != null) {
            user.put("attributes", Map.of("department_code", List.of(departmentCode)));
        }
        HttpResponse<String> created = send(admin, "POST", "/admin/realms/finance/users",
                StaffClient.JSON.writeValueAsString(user));
        if (created.statusCode() != 201 && created.statusCode() != 409) {
            throw new IllegalStateException("creating user " + username + " failed: " + created.body());
        }
        JsonNode found = StaffClient.JSON.readTree(send(admin, "GET", "/admin/realms/finance/users?exact=true&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8), null).body());
        String id = found.get(0).get("id").asString();
        List<JsonNode> roles = new ArrayList<>();
        for (String role : realmRoles) {
            roles.add(StaffClient.JSON.readTree(send(admin, "GET", "/admin/realms/finance/roles/" + role, null).body()));
        }
        HttpResponse<String> mapped = send(admin, "POST", "/admin/realms/finance/users/" + id + "/role-mappings/realm",
                StaffClient.JSON.writeValueAsString(roles));
        if (mapped.statusCode() != 204) {
            throw new IllegalStateException("granting roles to " + username + " failed: " + mapped.body());
        }
    }

    private String adminToken() throws Exception {
        String form = "grant_type=password&client_id=admin-cli&username=admin&password=admin";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        return StaffClient.JSON.readTree(r.body()).get("access_token").asString();
    }

    private HttpResponse<String> send(String token, String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}

package cn.finance.disclosure.system;

import cn.finance.disclosure.stack.StaffClient;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The real Keycloak's admin API, used by tests to make clients whose tokens must be refused: one without the API's
 * audience, one whose tokens live two seconds.
 */
final class KeycloakAdmin {

    private final String base;
    private final HttpClient http = HttpClient.newHttpClient();

    KeycloakAdmin(int keycloakPort) {
        this.base = "http://127.0.0.1:" + keycloakPort;
    }

    private String adminToken() throws Exception {
        String form = "grant_type=password&client_id=admin-cli&username=admin&password=admin";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        return StaffClient.JSON.readTree(r.body()).get("access_token").asString();
    }

    /** Creates (once) a public client with direct grants; {@code withAudience} adds the finance-api audience. */
    void ensureClient(String clientId, boolean withAudience, Integer accessTokenLifespanSeconds) throws Exception {
        Map<String, Object> client = new java.util.HashMap<>(Map.of(
                "clientId", clientId, "publicClient", true, "directAccessGrantsEnabled", true,
                "standardFlowEnabled", false, "fullScopeAllowed", true));
        java.util.List<Map<String, Object>> mappers = new java.util.ArrayList<>();
        mappers.add(Map.of("name", "department_code", "protocol", "openid-connect",
                "protocolMapper", "oidc-usermodel-attribute-mapper", "config", Map.of(
                        "user.attribute", "department_code", "claim.name", "department_code",
                        "access.token.claim", "true", "jsonType.label", "String")));
        if (withAudience) {
            mappers.add(Map.of("name", "finance-api audience", "protocol", "openid-connect",
                    "protocolMapper", "oidc-audience-mapper", "config", Map.of(
                            "included.custom.audience", "finance-api", "access.token.claim", "true")));
        }
        client.put("protocolMappers", mappers);
        if (accessTokenLifespanSeconds != null) {
            client.put("attributes", Map.of("access.token.lifespan", String.valueOf(accessTokenLifespanSeconds)));
        }
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/admin/realms/finance/clients"))
                .header("Authorization", "Bearer " + adminToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(StaffClient.JSON.writeValueAsString(client)))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201 && r.statusCode() != 409) {
            throw new IllegalStateException("creating client " + clientId + " failed: " + r.statusCode() + " " + r.body());
        }
    }

    String userToken(String clientId, String username) throws Exception {
        String form = "grant_type=password&client_id=" + clientId + "&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=demo";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/realms/finance/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("login via " + clientId + " failed: " + r.body());
        }
        return StaffClient.JSON.readTree(r.body()).get("access_token").asString();
    }

    /** A GET on the admin API of realm {@code finance} (path after {@code /admin/realms/finance}). */
    HttpResponse<String> adminGet(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/admin/realms/finance" + path))
                .header("Authorization", "Bearer " + adminToken()).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A token request to realm {@code finance} with the given form, answered as it is. */
    HttpResponse<String> tokenRequest(String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/realms/finance/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

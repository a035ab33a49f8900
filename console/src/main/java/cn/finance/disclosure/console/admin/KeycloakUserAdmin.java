package cn.finance.disclosure.console.admin;

import cn.finance.disclosure.console.ConsoleProperties;
import cn.finance.disclosure.console.gateway.ApiProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Department users in Keycloak, through its Admin REST API with the console's own service account
 * ({@code finance-user-admin}: realm-management manage-users, view-users and query-users of realm finance only,
 * never the master admin). It only ever creates department clerks and heads, with their department code.
 */
@Component
class KeycloakUserAdmin {

    static final Set<String> DEPARTMENT_ROLES = Set.of("department-clerk", "department-head");

    private final ConsoleProperties properties;
    private final RestClient rest;
    private final JsonMapper json;
    private String token;
    private Instant tokenExpires = Instant.EPOCH;

    KeycloakUserAdmin(ConsoleProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build());
        factory.setReadTimeout(Duration.ofSeconds(20));
        this.rest = RestClient.builder().requestFactory(factory).build();
    }

    record DepartmentUser(String id, String username, String name, String email, String departmentCode,
                          List<String> roles, boolean enabled) {
    }

    record NewUser(String username, String lastName, String firstName, String email, String departmentCode,
                   String role, String password, boolean temporaryPassword) {
    }

    /** The department users (those with a department code), optionally of one department. */
    List<DepartmentUser> list(String departmentCode) {
        boolean one = departmentCode != null && departmentCode.matches("[0-9]{6,12}");
        JsonNode users = call("GET", "/users?briefRepresentation=false&max=500"
                + (one ? "&q=department_code:" + departmentCode : ""), null);
        List<DepartmentUser> result = new ArrayList<>();
        for (JsonNode u : users) {
            String code = u.path("attributes").path("department_code").path(0).asString("");
            if (code.isEmpty()) {
                continue;
            }
            List<String> roles = new ArrayList<>();
            for (JsonNode r : call("GET", "/users/" + u.path("id").asString() + "/role-mappings/realm", null)) {
                if (DEPARTMENT_ROLES.contains(r.path("name").asString(""))) {
                    roles.add(r.path("name").asString());
                }
            }
            result.add(new DepartmentUser(u.path("id").asString(), u.path("username").asString(),
                    u.path("lastName").asString("") + u.path("firstName").asString(""), u.path("email").asString(""),
                    code, roles, u.path("enabled").asBoolean()));
        }
        return result;
    }

    /** Creates the user with their department code and one department role; answers the new user's id. */
    String create(NewUser user) {
        if (!DEPARTMENT_ROLES.contains(user.role())) {
            throw new IllegalArgumentException("只能创建单位经办人或单位负责人");
        }
        ObjectNode body = json.createObjectNode().put("username", user.username()).put("enabled", true)
                .put("email", user.email()).put("emailVerified", true).put("firstName", user.firstName())
                .put("lastName", user.lastName());
        body.putObject("attributes").putArray("department_code").add(user.departmentCode());
        body.putArray("credentials").addObject().put("type", "password").put("value", user.password())
                .put("temporary", user.temporaryPassword());
        call("POST", "/users", body);
        JsonNode found = call("GET", "/users?exact=true&username=" + user.username(), null);
        String id = found.path(0).path("id").asString();
        JsonNode role = null;
        for (JsonNode r : call("GET", "/users/" + id + "/role-mappings/realm/available", null)) {
            if (user.role().equals(r.path("name").asString(""))) {
                role = r;
            }
        }
        if (role == null) {
            throw new IllegalStateException("角色 " + user.role() + " 无法分配");
        }
        ArrayNode roles = json.createArrayNode();
        roles.addObject().put("id", role.path("id").asString()).put("name", role.path("name").asString());
        call("POST", "/users/" + id + "/role-mappings/realm", roles);
        return id;
    }

    void setEnabled(String id, boolean enabled) {
        JsonNode user = call("GET", "/users/" + id, null);
        if (user.path("attributes").path("department_code").path(0).asString("").isEmpty()) {
            // the console manages department users only; bureau staff are managed in Keycloak itself
            throw new ApiProblem(403, json.createObjectNode().put("detail", "只能管理预算单位的用户"));
        }
        // the whole representation back, so nothing but "enabled" changes (attributes included)
        ((ObjectNode) user).put("enabled", enabled);
        call("PUT", "/users/" + id, user);
    }

    private JsonNode call(String method, String path, JsonNode body) {
        RestClient.RequestBodySpec spec = rest.method(org.springframework.http.HttpMethod.valueOf(method))
                .uri(properties.adminBase() + path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token());
        if (body != null) {
            spec = spec.contentType(MediaType.APPLICATION_JSON)
                    .body(json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
        }
        return spec.exchange((request, response) -> {
            byte[] bytes = response.getBody().readAllBytes();
            JsonNode node = bytes.length == 0 ? json.createObjectNode() : json.readTree(bytes);
            if (response.getStatusCode().value() >= 400) {
                String message = response.getStatusCode().value() == 409 ? "用户名或邮箱已被使用"
                        : node.path("errorMessage").asString(node.path("error").asString("Keycloak 拒绝了请求"));
                throw new ApiProblem(response.getStatusCode().value(), json.createObjectNode()
                        .put("detail", message));
            }
            return node;
        });
    }

    /** The service account's token (client credentials), reused until shortly before it expires. */
    private synchronized String token() {
        if (token != null && Instant.now().isBefore(tokenExpires)) {
            return token;
        }
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        form.add("client_id", properties.userAdminClientId());
        form.add("client_secret", properties.userAdminSecret());
        JsonNode answer = rest.post().uri(properties.backchannelIssuer() + "/protocol/openid-connect/token")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form)
                .exchange((request, response) -> {
                    byte[] bytes = response.getBody().readAllBytes();
                    if (response.getStatusCode().value() != 200) {
                        throw new ApiProblem(502, json.createObjectNode().put("detail",
                                "用户管理服务账号无法登录 Keycloak：" + new String(bytes, StandardCharsets.UTF_8)));
                    }
                    return json.readTree(bytes);
                });
        token = answer.path("access_token").asString();
        tokenExpires = Instant.now().plusSeconds(Math.max(5, answer.path("expires_in").asLong(60) - 20));
        return token;
    }
}

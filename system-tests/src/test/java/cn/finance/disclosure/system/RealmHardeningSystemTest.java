package cn.finance.disclosure.system;

import cn.finance.disclosure.stack.StaffClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The realm as the real Keycloak runs it (production realm plus the development users): passwords cannot be guessed
 * by trying, a refresh token works once, nobody gets offline access by default, realm finance's admin-cli takes no
 * passwords, and logins and admin changes are recorded.
 */
class RealmHardeningSystemTest {

    final KeycloakAdmin admin = new KeycloakAdmin(RunningStack.get().settings().keycloakPort());
    final KeycloakUsers users = new KeycloakUsers(RunningStack.get().settings().keycloakPort());

    static String login(String username, String password) {
        return "grant_type=password&client_id=finance-cli&username=" + username + "&password=" + password;
    }

    @Test
    void tenWrongPasswordsThenTheRightOneDoesNotLogIn() throws Exception {
        users.ensureUser("brute-force-target", "405001", "department-clerk");
        assertThat(admin.tokenRequest(login("brute-force-target", "demo")).statusCode()).as("before").isEqualTo(200);
        for (int i = 0; i < 10; i++) {
            assertThat(admin.tokenRequest(login("brute-force-target", "guess" + i)).statusCode()).isNotEqualTo(200);
        }
        HttpResponse<String> right = admin.tokenRequest(login("brute-force-target", "demo"));
        assertThat(right.statusCode()).as(right.body()).isNotEqualTo(200);
        assertThat(right.body()).doesNotContain("access_token");
    }

    @Test
    void aRefreshTokenWorksOnceAndItsReuseIsRefused() throws Exception {
        users.ensureUser("refresh-rotation", "405001", "department-clerk");
        JsonNode first = StaffClient.JSON.readTree(admin.tokenRequest(login("refresh-rotation", "demo")).body());
        String refresh = first.get("refresh_token").asString();
        HttpResponse<String> rotated = admin.tokenRequest("grant_type=refresh_token&client_id=finance-cli&refresh_token="
                + refresh);
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        assertThat(StaffClient.JSON.readTree(rotated.body()).get("refresh_token").asString()).isNotEqualTo(refresh);
        HttpResponse<String> reused = admin.tokenRequest("grant_type=refresh_token&client_id=finance-cli&refresh_token="
                + refresh);
        assertThat(reused.statusCode()).as(reused.body()).isEqualTo(400);
        assertThat(reused.body()).contains("invalid_grant");
    }

    @Test
    void theDefaultRolesGrantNoOfflineAccess() throws Exception {
        HttpResponse<String> composites = admin.adminGet("/roles/default-roles-finance/composites");
        assertThat(composites.statusCode()).as(composites.body()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        StaffClient.JSON.readTree(composites.body()).forEach(r -> names.add(r.get("name").asString()));
        assertThat(names).doesNotContain("offline_access");
        HttpResponse<String> offline = admin.tokenRequest(login("other-clerk", "demo") + "&scope=openid%20offline_access");
        if (offline.statusCode() == 200) {
            JsonNode refresh = claims(StaffClient.JSON.readTree(offline.body()).get("refresh_token").asString());
            assertThat(refresh.get("typ").asString()).isNotEqualTo("Offline");
        }
    }

    @Test
    void realmFinancesAdminCliTakesNoPasswords() throws Exception {
        HttpResponse<String> r = admin.tokenRequest("grant_type=password&client_id=admin-cli&username=bureau-admin"
                + "&password=demo");
        assertThat(r.statusCode()).as(r.body()).isIn(400, 401);
        assertThat(r.body()).doesNotContain("access_token");
    }

    @Test
    void loginsAndAdminChangesAreRecordedAsEvents() throws Exception {
        assertThat(admin.tokenRequest(login("bureau-reviewer", "demo")).statusCode()).isEqualTo(200);
        users.ensureUser("events-witness", null, "bureau-reviewer");
        JsonNode logins = StaffClient.JSON.readTree(admin.adminGet("/events?type=LOGIN&max=50").body());
        assertThat(logins.size()).as("login events").isPositive();
        JsonNode changes = StaffClient.JSON.readTree(admin.adminGet("/admin-events?max=50").body());
        assertThat(changes.size()).as("admin events").isPositive();
    }

    private static JsonNode claims(String jwt) {
        return StaffClient.JSON.readTree(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }
}

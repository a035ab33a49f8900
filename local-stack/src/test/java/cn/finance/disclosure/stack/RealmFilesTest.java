package cn.finance.disclosure.stack;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The realm file is the production realm: hardened, and without a single user. Demo users and their relaxed password
 * policy live only in the development overlay, which the local stack merges in.
 */
class RealmFilesTest {

    static final Path ROOT = StackSettings.findProjectRoot(Path.of("."));

    static JsonNode read(String file) throws Exception {
        return StaffClient.JSON.readTree(Files.readString(ROOT.resolve(file)));
    }

    @Test
    void theProductionRealmIsHardenedAndHoldsNoUsers() throws Exception {
        JsonNode realm = read("keycloak/finance-realm.json");
        // no people: only the service account of the console's user administration (a client's own identity,
        // with realm-management's user roles and nothing else)
        List<String> people = new ArrayList<>();
        realm.path("users").forEach(u -> {
            if (!u.has("serviceAccountClientId")) {
                people.add(u.get("username").asString());
            }
        });
        assertThat(people).as("people in the production realm").isEmpty();
        realm.path("users").forEach(u -> {
            assertThat(u.has("credentials")).as("credentials of " + u.get("username")).isFalse();
            assertThat(u.path("realmRoles").size()).as("realm roles of " + u.get("username")).isZero();
        });
        assertThat(realm.get("sslRequired").asString()).isIn("external", "all");
        assertThat(realm.get("bruteForceProtected").asBoolean()).isTrue();
        assertThat(realm.get("failureFactor").asInt()).isBetween(1, 10);
        assertThat(realm.get("passwordPolicy").asString()).contains("length(12)").contains("notUsername")
                .contains("passwordHistory");
        assertThat(realm.get("eventsEnabled").asBoolean()).isTrue();
        assertThat(realm.get("adminEventsEnabled").asBoolean()).isTrue();
        assertThat(realm.get("revokeRefreshToken").asBoolean()).isTrue();
        assertThat(realm.get("refreshTokenMaxReuse").asInt()).isZero();

        List<String> roles = new ArrayList<>();
        realm.get("roles").get("realm").forEach(r -> roles.add(r.get("name").asString()));
        // the default role grants nothing of its own (Keycloak's import still adds offline_access, which the local
        // stack and the compose files' keycloak-setup take out again: RealmHardeningSystemTest checks the result)
        assertThat(roles).contains("offline_access");
        JsonNode defaultRole = realm.get("defaultRole");
        assertThat(defaultRole.get("composite").asBoolean()).isFalse();

        JsonNode adminCli = null;
        for (JsonNode client : realm.get("clients")) {
            if ("admin-cli".equals(client.get("clientId").asString())) {
                adminCli = client;
            }
        }
        assertThat(adminCli).as("admin-cli declared in realm finance").isNotNull();
        assertThat(adminCli.get("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(adminCli.get("standardFlowEnabled").asBoolean()).isFalse();
    }

    @Test
    void theDevelopmentRealmIsTheProductionRealmPlusTheDemoUsers() throws Exception {
        JsonNode production = read("keycloak/finance-realm.json");
        JsonNode development = StaffClient.JSON.readTree(LocalStack.developmentRealm(ROOT));
        List<String> users = new ArrayList<>();
        development.get("users").forEach(u -> users.add(u.get("username").asString()));
        assertThat(users).contains("fgu-clerk", "fgu-head", "other-clerk", "bureau-reviewer", "bureau-publisher",
                "bureau-admin");
        assertThat(development.has("_comment")).isFalse();
        assertThat(development.get("clients")).isEqualTo(production.get("clients"));
        assertThat(development.get("bruteForceProtected").asBoolean()).isTrue();
        assertThat(development.get("revokeRefreshToken").asBoolean()).isTrue();
    }
}

package cn.finance.disclosure.system;

import cn.finance.disclosure.stack.DemoLoader;
import cn.finance.disclosure.stack.LocalStack;
import cn.finance.disclosure.stack.StaffClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The foundation, shown on the whole running stack: real Keycloak tokens through the gateway, every forgery
 * refused, the chain gateway → service → MongoDB working, and the seed profile round-tripping exactly.
 */
class EdgeSecuritySystemTest {

    final StaffClient client = RunningStack.client();

    @Test
    void noTokenIsUnauthorizedAsProblemJson() {
        StaffClient.Answer r = client.get("/api/v1/departments", null);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aKeycloakTokenOpensTheUsersOwnRouteThroughGatewayServiceAndMongo() {
        StaffClient.Answer r = client.get("/api/v1/departments/405001", "fgu-clerk");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("name").asString()).isEqualTo("重庆市綦江区总工会（本级）");
        assertThat(r.header("X-Correlation-Id")).isNotBlank();
    }

    @Test
    void theCallersCorrelationIdReachesTheServicesLog() throws Exception {
        String id = "system-test-" + java.util.UUID.randomUUID();
        StaffClient.Answer r = client.call("GET", "/api/v1/departments/405001", "fgu-clerk", null,
                "X-Correlation-Id", id);
        assertThat(r.header("X-Correlation-Id")).isEqualTo(id);
        java.nio.file.Path log = RunningStack.get().settings().logDirectory().resolve("department-service.log");
        String found = "";
        for (int i = 0; i < 20 && !found.contains(id); i++) {
            Thread.sleep(250);
            found = java.nio.file.Files.readString(log);
        }
        assertThat(found).contains(id);
    }

    @Test
    void aValidTokenWithoutTheNeededRoleIsForbidden() {
        StaffClient.Answer r = client.post("/api/v1/departments", "fgu-clerk",
                "{\"code\":\"499999\",\"name\":\"x\",\"shortName\":\"x\",\"district\":\"x\",\"kind\":\"x\"}");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aTokenWithABrokenSignatureIsRefused() {
        String token = client.token("fgu-clerk");
        String[] parts = token.split("\\.");
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        signature[10] ^= 0x01;
        String broken = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        assertThat(client.call("GET", "/api/v1/departments/405001", null, null, "Authorization", "Bearer " + broken)
                .status()).isEqualTo(401);
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() throws Exception {
        KeycloakAdmin admin = new KeycloakAdmin(RunningStack.get().settings().keycloakPort());
        admin.ensureClient("other-app", false, null);
        String token = admin.userToken("other-app", "fgu-clerk");
        assertThat(client.call("GET", "/api/v1/departments/405001", null, null, "Authorization", "Bearer " + token)
                .status()).isEqualTo(401);
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        KeycloakAdmin admin = new KeycloakAdmin(RunningStack.get().settings().keycloakPort());
        admin.ensureClient("short-lived-cli", true, 1);
        String token = admin.userToken("short-lived-cli", "fgu-clerk");
        assertThat(client.call("GET", "/api/v1/departments/405001", null, null, "Authorization", "Bearer " + token)
                .status()).as("fresh").isEqualTo(200);
        Thread.sleep(7_500); // lifespan 1 s + the services' 5 s clock skew
        assertThat(client.call("GET", "/api/v1/departments/405001", null, null, "Authorization", "Bearer " + token)
                .status()).as("expired").isEqualTo(401);
    }

    @Test
    void theSeedProfileRoundTripsCharacterForCharacter() {
        JsonNode expected = DemoLoader.seedFacts().get("department").get("profile");
        JsonNode actual = client.get("/api/v1/departments/405001/profiles/2024", "fgu-clerk").json();
        assertThat(actual.get("functions")).isEqualTo(expected.get("functions"));
        assertThat(actual.get("divisions")).isEqualTo(expected.get("divisions"));
        assertThat(actual.get("disclosureContact")).isEqualTo(expected.get("disclosureContact"));
        assertThat(client.get("/api/v1/departments/405001/profiles/2024", "other-clerk").status()).isEqualTo(404);
    }

    @Test
    void eachServicesOpenApiDescriptionIsReachableThroughTheGateway() {
        for (String api : new String[]{"departments", "budgets", "publications"}) {
            StaffClient.Answer r = client.get("/api/v1/" + api + "/api-docs", "bureau-admin");
            assertThat(r.status()).as(api + ": " + r.body()).isEqualTo(200);
            assertThat(r.json().get("openapi").asString()).startsWith("3.");
        }
    }

    @Test
    void healthIsAnonymousAndEverythingOutsideTheRoutesIsDenied() {
        assertThat(client.get("/actuator/health/readiness", null).status()).isEqualTo(200);
        assertThat(client.get("/api/v1/unknown", "bureau-admin").status()).isEqualTo(403);
        assertThat(RunningStack.get().process(LocalStack.GATEWAY).isAlive()).isTrue();
    }
}

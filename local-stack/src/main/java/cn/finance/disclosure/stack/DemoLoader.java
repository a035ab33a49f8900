package cn.finance.disclosure.stack;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Drives the seed (重庆市綦江区总工会（本级）, 405001, fiscal year 2024) through the real workflow over the gateway with
 * the demo users' tokens, and registers 405002 for other-clerk. Each step first looks whether it was already done,
 * so a restart on the same data changes nothing.
 */
public final class DemoLoader {

    private final StaffClient client;
    private final PrintStream out;

    public DemoLoader(StackSettings settings, PrintStream out) {
        this.client = new StaffClient(settings.gatewayUrl(), settings.issuer());
        this.out = out;
    }

    public static JsonNode seedFacts() {
        try (InputStream in = DemoLoader.class.getResourceAsStream("/seed/qijiang-fgu-2024.facts.json")) {
            return StaffClient.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void load() {
        JsonNode facts = seedFacts();
        JsonNode department = facts.get("department");
        registerIfMissing(department.get("code").asString(), department.get("name").asString(),
                department.get("shortName").asString(), department.get("district").asString(),
                department.get("kind").asString());
        registerIfMissing("405002", "重庆市綦江区演示单位", "演示单位", "重庆市綦江区", "行政机关");
        profileIfMissing(department.get("code").asString(), department.get("profile"));
        out.println("[demo] seed department 405001 and its 2024 profile are in place; 405002 registered");
    }

    private void registerIfMissing(String code, String name, String shortName, String district, String kind) {
        StaffClient.Answer existing = client.get("/api/v1/departments/" + code, "bureau-admin");
        if (existing.status() == 200) {
            return;
        }
        StaffClient.Answer created = client.post("/api/v1/departments", "bureau-admin", Map.of("code", code,
                "name", name, "shortName", shortName, "district", district, "kind", kind));
        require(created, "register " + code);
    }

    private void profileIfMissing(String code, JsonNode profile) {
        int year = profile.get("fiscalYear").asInt();
        if (client.get("/api/v1/departments/" + code + "/profiles/" + year, "fgu-clerk").status() == 200) {
            return;
        }
        require(client.put("/api/v1/departments/" + code + "/profiles/" + year, "fgu-clerk", (ObjectNode) profile),
                "profile " + code + "/" + year);
    }

    static void require(StaffClient.Answer answer, String step) {
        if (!answer.ok()) {
            throw new IllegalStateException("demo step '" + step + "' failed: " + answer);
        }
    }
}

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
        String budgetId = approvedBudget(facts.get("budget"));
        out.println("[demo] budget " + budgetId + " approved by bureau-reviewer");
        releasePublication(department.get("code").asString() + "-" + facts.get("budget").get("fiscalYear").asInt());
        out.println("[demo] disclosure confirmed by fgu-head and released by bureau-publisher: "
                + "/public/v1/publications/405001/2024/versions/1.txt");
    }

    /** fgu-clerk creates and submits the seed budget (explaining its one warning), bureau-reviewer approves it. */
    private String approvedBudget(JsonNode budget) {
        String code = budget.get("departmentCode").asString();
        int year = budget.get("fiscalYear").asInt();
        StaffClient.Answer list = client.get("/api/v1/budgets?departmentCode=" + code + "&fiscalYear=" + year,
                "fgu-clerk");
        require(list, "look up budget");
        JsonNode existing = list.json().get("items");
        String id;
        String status;
        if (existing.isEmpty()) {
            StaffClient.Answer created = client.post("/api/v1/budgets", "fgu-clerk", budget);
            require(created, "create budget");
            id = created.json().get("id").asString();
            status = created.json().get("status").asString();
        } else {
            id = existing.get(0).get("id").asString();
            status = existing.get(0).get("status").asString();
        }
        if (status.equals("DRAFT") || status.equals("RETURNED")) {
            StaffClient.Answer findings = client.post("/api/v1/budgets/" + id + "/validation", "fgu-clerk", null);
            require(findings, "validate budget");
            var acknowledgements = StaffClient.JSON.createArrayNode();
            for (JsonNode finding : findings.json().get("findings")) {
                if (finding.get("severity").asString().equals("WARNING")) {
                    acknowledgements.addObject().put("ruleId", finding.get("ruleId").asString())
                            .put("path", finding.get("path").asString())
                            .put("explanation", "2023年预算数含上年结转，本年收支均按年初预算编列，差额已核实。");
                }
            }
            var body = StaffClient.JSON.createObjectNode();
            body.set("acknowledgements", acknowledgements);
            require(client.post("/api/v1/budgets/" + id + "/submission", "fgu-clerk", body), "submit budget");
            status = "SUBMITTED";
        }
        if (status.equals("SUBMITTED")) {
            require(client.post("/api/v1/budgets/" + id + "/approval", "bureau-reviewer", "{}"), "approve budget");
        }
        return id;
    }

    /** Waits for the draft made from the approval event, then fgu-head confirms and bureau-publisher releases. */
    private void releasePublication(String id) {
        JsonNode publication = null;
        for (int attempt = 0; attempt < 240; attempt++) {
            StaffClient.Answer answer = client.get("/api/v1/publications/" + id, "bureau-publisher");
            if (answer.status() == 200) {
                publication = answer.json();
                String status = publication.get("status").asString();
                if (status.equals("DRAFT") || status.equals("CONFIRMED") || status.equals("RELEASED")) {
                    break;
                }
            }
            ManagedProcess.sleep(250);
        }
        if (publication == null) {
            throw new IllegalStateException("no draft disclosure " + id + " appeared within 60 s");
        }
        String status = publication.get("status").asString();
        String hash = publication.path("draft").path("contentHash").asString();
        if (status.equals("DRAFT")) {
            require(client.post("/api/v1/publications/" + id + "/confirmation", "fgu-head",
                    Map.of("contentHash", hash)), "confirm disclosure");
            status = "CONFIRMED";
        }
        if (status.equals("CONFIRMED")) {
            require(client.post("/api/v1/publications/" + id + "/release", "bureau-publisher",
                    Map.of("contentHash", hash)), "release disclosure");
        }
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

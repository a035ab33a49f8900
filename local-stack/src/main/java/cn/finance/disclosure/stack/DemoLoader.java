package cn.finance.disclosure.stack;

import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * Drives the seed (重庆市綦江区总工会（本级）, 405001, fiscal year 2024) through the real workflow over the gateway with
 * the demo users' tokens, and registers 405002 for other-clerk. Each step first looks whether it was already done,
 * so a restart on the same data changes nothing.
 */
public final class DemoLoader {

    private final StaffClient client;
    private final Workflow workflow;
    private final PrintStream out;

    public DemoLoader(StackSettings settings, PrintStream out) {
        this.client = new StaffClient(settings.gatewayUrl(), settings.issuer());
        this.workflow = new Workflow(client);
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
        registerIfMissing("405002", "重庆市綦江区演示单位", "演示单位", "重庆市綦江区", "ADMINISTRATIVE");
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
        String id = existing.isEmpty() ? workflow.createBudget("fgu-clerk", budget) : existing.get(0).get("id").asString();
        String status = existing.isEmpty() ? "DRAFT" : existing.get(0).get("status").asString();
        if (status.equals("DRAFT") || status.equals("RETURNED")) {
            workflow.submit("fgu-clerk", id);
            status = "SUBMITTED";
        }
        if (status.equals("SUBMITTED")) {
            workflow.approve("bureau-reviewer", id);
        }
        return id;
    }

    /** Waits for the draft made from the approval event, then fgu-head confirms and bureau-publisher releases. */
    private void releasePublication(String id) {
        JsonNode publication = workflow.awaitPublication("bureau-publisher", id, Duration.ofSeconds(60),
                Duration.ofMillis(250), "DRAFT", "CONFIRMED", "RELEASED");
        String status = publication.get("status").asString();
        String hash = Workflow.draftHash(publication);
        if (status.equals("DRAFT")) {
            workflow.confirm("fgu-head", id, hash);
            status = "CONFIRMED";
        }
        if (status.equals("CONFIRMED")) {
            workflow.release("bureau-publisher", id, hash);
        }
    }

    private void registerIfMissing(String code, String name, String shortName, String district, String kind) {
        if (client.get("/api/v1/departments/" + code, "bureau-admin").status() != 200) {
            workflow.register("bureau-admin", code, name, shortName, district, kind);
        }
    }

    private void profileIfMissing(String code, JsonNode profile) {
        int year = profile.get("fiscalYear").asInt();
        if (client.get("/api/v1/departments/" + code + "/profiles/" + year, "fgu-clerk").status() != 200) {
            workflow.putProfile("fgu-clerk", code, year, profile);
        }
    }

    private static void require(StaffClient.Answer answer, String step) {
        Workflow.require(answer, step);
    }
}

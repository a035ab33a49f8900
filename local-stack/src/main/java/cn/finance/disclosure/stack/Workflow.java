package cn.finance.disclosure.stack;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The steps of the disclosure path as the staff take them through the gateway, one call each: register, profile,
 * budget, validate and submit (explaining every warning), approve, then confirm and release the generated draft.
 * Used by the demo loader and the benchmark; each step fails loudly with the answer it got.
 */
public final class Workflow {

    public static final String WARNING_EXPLANATION = "2023年预算数含上年结转，本年收支均按年初预算编列，差额已核实。";

    private final StaffClient client;

    public Workflow(StaffClient client) {
        this.client = client;
    }

    public StaffClient client() {
        return client;
    }

    public void register(String admin, String code, String name, String shortName, String district, String kind) {
        require(client.post("/api/v1/departments", admin, Map.of("code", code, "name", name, "shortName", shortName,
                "district", district, "kind", kind)), "register " + code);
    }

    public void putProfile(String clerk, String code, int fiscalYear, JsonNode profile) {
        require(client.put("/api/v1/departments/" + code + "/profiles/" + fiscalYear, clerk, profile),
                "profile " + code + "/" + fiscalYear);
    }

    /** Creates the budget and returns its id. */
    public String createBudget(String clerk, JsonNode budget) {
        StaffClient.Answer created = client.post("/api/v1/budgets", clerk, budget);
        require(created, "create budget " + budget.get("departmentCode").asString());
        return created.json().get("id").asString();
    }

    /** Validates, then submits with an explanation for every warning found. */
    public void submit(String clerk, String budgetId) {
        StaffClient.Answer findings = client.post("/api/v1/budgets/" + budgetId + "/validation", clerk, null);
        require(findings, "validate " + budgetId);
        ObjectNode body = StaffClient.JSON.createObjectNode();
        ArrayNode acknowledgements = body.putArray("acknowledgements");
        for (JsonNode finding : findings.json().get("findings")) {
            if (finding.get("severity").asString().equals("WARNING")) {
                acknowledgements.addObject().put("ruleId", finding.get("ruleId").asString())
                        .put("path", finding.get("path").asString()).put("explanation", WARNING_EXPLANATION);
            }
        }
        require(client.post("/api/v1/budgets/" + budgetId + "/submission", clerk, body), "submit " + budgetId);
    }

    public void approve(String reviewer, String budgetId) {
        require(client.post("/api/v1/budgets/" + budgetId + "/approval", reviewer, "{}"), "approve " + budgetId);
    }

    /** Waits until the disclosure made from the approval event exists with one of {@code statuses}; returns it. */
    public JsonNode awaitPublication(String user, String publicationId, Duration timeout, Duration pollEvery,
                                     String... statuses) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            StaffClient.Answer answer = client.get("/api/v1/publications/" + publicationId, user);
            if (answer.status() == 200) {
                JsonNode publication = answer.json();
                String status = publication.get("status").asString();
                for (String wanted : statuses) {
                    if (wanted.equals(status)) {
                        return publication;
                    }
                }
            }
            ManagedProcess.sleep(Math.max(1, pollEvery.toMillis()));
        }
        throw new IllegalStateException("disclosure " + publicationId + " did not reach "
                + String.join("/", statuses) + " within " + timeout);
    }

    public static String draftHash(JsonNode publication) {
        return publication.path("draft").path("contentHash").asString();
    }

    public void confirm(String head, String publicationId, String contentHash) {
        require(client.post("/api/v1/publications/" + publicationId + "/confirmation", head,
                Map.of("contentHash", contentHash)), "confirm " + publicationId);
    }

    public void release(String publisher, String publicationId, String contentHash) {
        require(client.post("/api/v1/publications/" + publicationId + "/release", publisher,
                Map.of("contentHash", contentHash)), "release " + publicationId);
    }

    static void require(StaffClient.Answer answer, String step) {
        if (!answer.ok()) {
            throw new IllegalStateException("step '" + step + "' failed: " + answer);
        }
    }
}

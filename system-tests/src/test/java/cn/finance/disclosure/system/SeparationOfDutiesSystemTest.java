package cn.finance.disclosure.system;

import cn.finance.disclosure.stack.StaffClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No one performs two of approve / confirm / release for the same disclosure, whatever roles they hold: the services
 * compare persons (issuer + subject), not roles. Shown with real Keycloak users who hold several roles at once, on
 * departments of this test's own (412xxx, 413xxx), so the demo's seed is never touched.
 */
class SeparationOfDutiesSystemTest {

    static final String SEPARATION = "urn:finance:problem:separation-of-duties";

    final StaffClient client = RunningStack.client();
    final KeycloakUsers users = new KeycloakUsers(RunningStack.get().settings().keycloakPort());

    @Test
    void approvingConfirmingAndReleasingTakeThreeDifferentPeople() throws Exception {
        String code = "412" + ThreadLocalRandom.current().nextInt(100, 1000);
        String id = code + "-2024";
        String clerk = "sod-clerk-" + code;
        // one person who could do all three steps by role: reviewer, this department's head, publisher
        String approver = "sod-all-roles-" + code;
        // another head of the department, who is a publisher too
        String confirmer = "sod-head-publisher-" + code;
        SecurityFixtures.departmentWithProfile(code, "綦江区职责分离测试单位" + code);
        users.ensureUser(clerk, code, "department-clerk");
        users.ensureUser(approver, code, "bureau-reviewer", "department-head", "bureau-publisher");
        users.ensureUser(confirmer, code, "department-head", "bureau-publisher");

        String budget = SecurityFixtures.submittedBudget(code, clerk);
        StaffClient.Answer approved = client.post("/api/v1/budgets/" + budget + "/approval", approver, null);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("approvedBy").asString()).isEqualTo(approver);

        JsonNode draft = SecurityFixtures.awaitDisclosure(id, Set.of("DRAFT"));
        String hash = draft.get("draft").get("contentHash").asString();
        assertThat(draft.get("draft").get("basis").get("approvedBy").get("username").asString()).isEqualTo(approver);
        Map<String, String> step = Map.of("contentHash", hash);

        // the approver, although this department's head, does not confirm
        StaffClient.Answer confirmedByApprover = client.post("/api/v1/publications/" + id + "/confirmation", approver,
                step);
        assertSeparation(confirmedByApprover, "confirmation by the approver");
        assertThat(status(id)).isEqualTo("DRAFT");

        StaffClient.Answer confirmed = client.post("/api/v1/publications/" + id + "/confirmation", confirmer, step);
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().get("status").asString()).isEqualTo("CONFIRMED");

        // neither the approver nor the confirmer releases, although both are publishers
        assertSeparation(client.post("/api/v1/publications/" + id + "/release", approver, step),
                "release by the approver");
        assertSeparation(client.post("/api/v1/publications/" + id + "/release", confirmer, step),
                "release by the confirmer");
        assertThat(status(id)).isEqualTo("CONFIRMED");
        assertThat(client.get("/public/v1/publications/" + code + "/2024", null).status())
                .as("nothing is public after the refused releases").isEqualTo(404);

        // a third person releases
        StaffClient.Answer released = client.post("/api/v1/publications/" + id + "/release", "bureau-publisher", step);
        assertThat(released.status()).as(released.body()).isEqualTo(201);
        assertThat(released.header("Location")).isEqualTo("/public/v1/publications/" + code + "/2024/versions/1");
        JsonNode version = released.json().get("versions").get(0);
        assertThat(version.get("basis").get("approvedBy").get("username").asString()).isEqualTo(approver);
        assertThat(version.get("confirmed").get("by").get("username").asString()).isEqualTo(confirmer);
        assertThat(version.get("released").get("by").get("username").asString()).isEqualTo("bureau-publisher");
        StaffClient.Answer published = client.get("/public/v1/publications/" + code + "/2024", null);
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().get("contentHash").asString()).isEqualTo(hash);
    }

    @Test
    void whoeverSubmittedABudgetCannotApproveItEvenHoldingTheReviewerRole() throws Exception {
        String code = "413" + ThreadLocalRandom.current().nextInt(100, 1000);
        String person = "sod-clerk-reviewer-" + code;
        SecurityFixtures.departmentWithProfile(code, "綦江区提交审批分离测试单位" + code);
        users.ensureUser(person, code, "department-clerk", "bureau-reviewer");

        String budget = SecurityFixtures.submittedBudget(code, person);
        StaffClient.Answer own = client.post("/api/v1/budgets/" + budget + "/approval", person, null);

        SecurityFixtures.assertProblem(own, 403, "approval by the submitter");
        assertThat(own.json().get("type").asString()).isEqualTo("urn:finance:problem:own-submission");
        assertThat(client.get("/api/v1/budgets/" + budget, "bureau-reviewer").json().get("status").asString())
                .isEqualTo("SUBMITTED");
        StaffClient.Answer byAnother = client.post("/api/v1/budgets/" + budget + "/approval", "bureau-reviewer", null);
        assertThat(byAnother.status()).as(byAnother.body()).isEqualTo(200);
        assertThat(byAnother.json().get("submittedBy").asString()).isEqualTo(person);
        assertThat(byAnother.json().get("approvedBy").asString()).isEqualTo("bureau-reviewer");
    }

    private String status(String id) {
        return client.get("/api/v1/publications/" + id, "bureau-publisher").json().get("status").asString();
    }

    private static void assertSeparation(StaffClient.Answer answer, String what) {
        SecurityFixtures.assertProblem(answer, 403, what);
        assertThat(answer.json().get("type").asString()).as(what).isEqualTo(SEPARATION);
    }
}

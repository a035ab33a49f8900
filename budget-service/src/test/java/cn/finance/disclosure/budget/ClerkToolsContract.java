package cn.finance.disclosure.budget;

import cn.finance.disclosure.testing.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clerk's tools over HTTP: validating a body without storing it, deleting a draft never submitted, and
 * acknowledging a warning by its rule id alone.
 */
abstract class ClerkToolsContract extends BudgetServiceTestSupport {

    @Test
    void givenABudgetBody_whenValidated_thenTheFindingsAnswerAndNothingIsStored() {
        String code = freshCode();

        Http.Response validation = http().post("/api/v1/budgets/validation", clerk(code), json(seedFor(code)));

        assertThat(validation.status()).as(validation.body()).isEqualTo(200);
        JsonNode body = body(validation);
        assertThat(body.get("findings").get(0).get("ruleId").asString()).isEqualTo("V06-REVENUE-EXPENDITURE-DELTA");
        assertThat(body.get("findings").get(0).get("message").asString()).contains("减少96.8万元");
        assertThat(body.get("budgetId").isNull()).isTrue();
        assertThat(body.get("submittable").asBoolean()).isTrue();
        assertThat(stored(code)).isEmpty();
    }

    @Test
    void givenAnotherDepartmentsBody_whenValidated_thenForbidden() {
        String code = freshCode();

        assertProblem(http().post("/api/v1/budgets/validation", clerk(freshCode()), json(seedFor(code))), 403);
        assertProblem(http().post("/api/v1/budgets/validation", reviewer(), json(seedFor(code))), 403);
    }

    @Test
    void givenADraftNeverSubmitted_whenDeletedWithItsVersion_thenGone() {
        String code = freshCode();
        String id = create(seedFor(code));

        assertProblem(http().send("DELETE", "/api/v1/budgets/" + id, clerk(code), null), 428);
        assertProblem(http().send("DELETE", "/api/v1/budgets/" + id, clerk(code), null, "If-Match", "\"7\""), 412);
        assertProblem(http().send("DELETE", "/api/v1/budgets/" + id, reviewer(), null, "If-Match", "\"0\""), 403);
        Http.Response deleted = http().send("DELETE", "/api/v1/budgets/" + id, clerk(code), null, "If-Match", "\"0\"");

        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
        assertThat(http().get("/api/v1/budgets/" + id, clerk(code)).status()).isEqualTo(404);
        assertThat(stored(code)).isEmpty();
    }

    @Test
    void givenASubmittedBudget_whenDeleted_thenRefusedAndKept() {
        String code = freshCode();
        String id = submitted(code);
        String etag = http().get("/api/v1/budgets/" + id, clerk(code)).header("ETag");

        assertProblem(http().send("DELETE", "/api/v1/budgets/" + id, clerk(code), null, "If-Match", etag), 409,
                "从未提交过的草稿");
        assertThat(stored(code)).hasSize(1);
    }

    @Test
    void givenAWarningThatFiresOnce_whenAcknowledgedByItsRuleIdAlone_thenTheBudgetIsSubmitted() {
        String code = freshCode();
        String id = create(seedFor(code));

        Http.Response submitted = http().post("/api/v1/budgets/" + id + "/submission", clerk(code),
                "{\"acknowledgements\":[{\"ruleId\":\"V06-REVENUE-EXPENDITURE-DELTA\","
                        + "\"explanation\":\"2023年支出中含使用上年结转资金16万元\"}]}");

        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(body(submitted).get("acknowledgements").get(0).get("path").asString()).isEqualTo("priorYear");
    }

    @Test
    void givenTheDepartmentsPreviousBudgetApprovedHere_whenTheNextYearIsDrafted_thenItIsThePriorYearWithItsOrigin() {
        String code = freshCode();
        String approved2024 = approved(code);

        Http.Response created = http().post("/api/v1/budgets", clerk(code), json(seedFor(code, inYear(2025))));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode prior = body(created).get("submission").get("priorYear");
        assertThat(prior.get("origin").get("source").asString()).isEqualTo("APPROVED_BUDGET");
        assertThat(prior.get("origin").get("budgetId").asString()).isEqualTo(approved2024);
        assertThat(prior.get("fiscalYear").asInt()).isEqualTo(2024);
        assertThat(prior.get("revenue").get("generalPublicBudgetAppropriation").asString()).isEqualTo("2766200.00");
        assertThat(prior.get("expenditure").get(0).get("fundSource").asString()).isEqualTo("GENERAL_PUBLIC_BUDGET");
        assertThat(prior.get("expenditure").get(0).get("basic").asString()).isEqualTo("2756200.00");
        assertThat(prior.get("expenditure").get(0).get("project").asString()).isEqualTo("10000.00");
        assertThat(prior.get("operatingExpenses").asString()).isEqualTo("412500.00");
    }

    @Test
    void givenNoApprovedPreviousBudget_thenTheClerksPriorYearStandsMarkedAsEntered() {
        String code = freshCode();

        Http.Response created = http().post("/api/v1/budgets", clerk(code), json(seedFor(code, t -> ((tools.jackson
                .databind.node.ObjectNode) t.get("priorYear")).putObject("origin").put("source", "APPROVED_BUDGET")
                .put("budgetId", "forged"))));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode prior = body(created).get("submission").get("priorYear");
        assertThat(prior.get("origin").get("source").asString()).isEqualTo("ENTERED");
        assertThat(prior.get("expenditure").get(0).get("basic").asString()).isEqualTo("3676700.00");
    }
}

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
}

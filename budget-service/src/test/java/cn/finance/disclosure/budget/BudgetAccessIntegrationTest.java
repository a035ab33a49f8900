package cn.finance.disclosure.budget;

import cn.finance.disclosure.testing.Http;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what, per role, decided by the service itself: department staff only ever meet their own department's
 * budgets (another department's answers 404 and shows nothing), only the department's clerks write, bureau roles
 * read everything, only reviewers decide.
 */
@ContextConfiguration(initializers = EmbeddedInfrastructureInitializer.class)
class BudgetAccessIntegrationTest extends BudgetServiceTestSupport {

    @Test
    void anotherDepartmentsClerkNeitherSeesNorChangesTheBudget() {
        String code = freshCode();
        String id = create(seedFor(code, t -> t.put("basicExpenditureUse", "本单位的秘密用途")));
        String intruder = clerk(freshCode());
        List<Document> before = stored(code);

        Map<String, Http.Response> attempts = Map.of(
                "get", http().get("/api/v1/budgets/" + id, intruder),
                "put", http().put("/api/v1/budgets/" + id, intruder, json(seedFor(code)), "If-Match", "\"0\""),
                "validate", http().post("/api/v1/budgets/" + id + "/validation", intruder, null),
                "submit", http().post("/api/v1/budgets/" + id + "/submission", intruder, acknowledgingTheSeedWarning()),
                "revise", http().post("/api/v1/budgets/" + id + "/revisions", intruder, null));
        attempts.forEach((what, r) -> {
            assertProblem(r, 404, "未找到预算");
            assertThat(r.body()).as(what).doesNotContain("本单位的秘密用途").doesNotContain("2766200");
        });
        assertThat(body(http().get("/api/v1/budgets?departmentCode=" + code, intruder)).get("total").asLong())
                .isZero();
        assertThat(http().get("/api/v1/budgets?size=100", intruder).body()).doesNotContain(code);
        assertProblem(http().post("/api/v1/budgets", intruder, json(seedFor(code))), 403, "只能编制本单位的预算");
        assertThat(stored(code)).isEqualTo(before);

        assertThat(http().post("/api/v1/budgets/" + id + "/submission", clerk(code), acknowledgingTheSeedWarning())
                .status()).isEqualTo(200);
        // not a reviewer at all: refused by role before the budget is looked up (nothing of it is revealed either way)
        assertProblem(http().post("/api/v1/budgets/" + id + "/approval", intruder, null), 403);
        assertProblem(http().post("/api/v1/budgets/" + id + "/return", intruder, "{\"reason\":\"x\"}"), 403);
        assertThat(body(http().get("/api/v1/budgets/" + id, clerk(code))).get("status").asString())
                .isEqualTo("SUBMITTED");
    }

    @Test
    void theDepartmentHeadReadsTheOwnDepartmentsBudgetButDoesNotWriteIt() {
        String code = freshCode();
        String id = create(seedFor(code));
        List<Document> before = stored(code);

        assertThat(http().get("/api/v1/budgets/" + id, head(code)).status()).isEqualTo(200);
        assertThat(http().post("/api/v1/budgets/" + id + "/validation", head(code), null).status()).isEqualTo(200);
        assertThat(body(http().get("/api/v1/budgets", head(code))).get("items"))
                .extracting(i -> i.get("id").asString()).containsExactly(id);
        assertProblem(http().put("/api/v1/budgets/" + id, head(code), json(seedFor(code)), "If-Match", "\"0\""),
                403, "只有本单位经办人可以修改预算");
        assertProblem(http().post("/api/v1/budgets/" + id + "/submission", head(code), acknowledgingTheSeedWarning()),
                403, "只有本单位经办人可以提交预算");
        assertProblem(http().post("/api/v1/budgets", head(code), json(seedFor(code, inYear(2023)))), 403,
                "只有单位经办人可以编制预算");
        assertThat(stored(code)).isEqualTo(before);
    }

    @Test
    void bureauRolesReadEveryBudgetButOnlyAReviewerApprovesOrReturns() {
        String code = freshCode();
        String id = submitted(code);
        List<Document> before = stored(code);

        for (String bureau : List.of(reviewer(), publisher(), admin())) {
            assertThat(http().get("/api/v1/budgets/" + id, bureau).status()).isEqualTo(200);
            assertThat(body(http().get("/api/v1/budgets?departmentCode=" + code + "&status=SUBMITTED", bureau))
                    .get("items")).extracting(i -> i.get("id").asString()).containsExactly(id);
            assertThat(http().post("/api/v1/budgets/" + id + "/validation", bureau, null).status()).isEqualTo(200);
            assertProblem(http().put("/api/v1/budgets/" + id, bureau, json(seedFor(code)), "If-Match", "\"1\""), 403);
            assertProblem(http().post("/api/v1/budgets", bureau, json(seedFor(code, inYear(2023)))), 403);
        }
        for (String notReviewer : List.of(publisher(), admin(), clerk(code), head(code))) {
            assertProblem(http().post("/api/v1/budgets/" + id + "/approval", notReviewer, null), 403,
                    "只有财政局预算审核人员可以批准预算");
            assertProblem(http().post("/api/v1/budgets/" + id + "/return", notReviewer, "{\"reason\":\"不行\"}"), 403,
                    "只有财政局预算审核人员可以退回预算");
        }
        assertThat(stored(code)).isEqualTo(before);
        assertThat(http().post("/api/v1/budgets/" + id + "/approval", reviewer(), null).status()).isEqualTo(200);
    }

    @Test
    void aClerkWithoutADepartmentSeesNoBudgetAtAll() {
        String code = freshCode();
        String id = create(seedFor(code));
        String unattached = ISSUER.bearer("clerk-without-unit", "department-clerk", null);

        assertProblem(http().get("/api/v1/budgets/" + id, unattached), 404);
        assertThat(body(http().get("/api/v1/budgets", unattached)).get("total").asLong()).isZero();
    }

    @Test
    void withoutAValidTokenNothingIsAnswered() {
        String id = create(seedFor(freshCode()));

        assertProblem(http().get("/api/v1/budgets/" + id, null), 401);
        assertProblem(http().get("/api/v1/budgets", null), 401);
        assertProblem(http().post("/api/v1/budgets", null, json(seed())), 401);
        assertProblem(http().get("/api/v1/budgets/" + id,
                "Bearer " + ISSUER.signedByStranger("bureau-reviewer", "bureau-reviewer", null)), 401);
    }

    @Test
    void theListIsPagedAndFilteredByYearAndStatus() {
        String code = freshCode();
        String draft2023 = create(seedFor(code, inYear(2023)));
        String submitted2024 = submitted(code);

        JsonNode all = body(http().get("/api/v1/budgets?departmentCode=" + code, reviewer()));
        assertThat(all.get("total").asLong()).isEqualTo(2);
        assertThat(all.get("items")).extracting(i -> i.get("id").asString()).containsExactly(submitted2024, draft2023);
        assertThat(all.get("items").get(0).has("submission")).isFalse();
        JsonNode firstPage = body(http().get("/api/v1/budgets?departmentCode=" + code + "&size=1&page=1", reviewer()));
        assertThat(firstPage.get("items")).extracting(i -> i.get("id").asString()).containsExactly(draft2023);
        assertThat(body(http().get("/api/v1/budgets?departmentCode=" + code + "&fiscalYear=2023", clerk(code)))
                .get("items")).extracting(i -> i.get("status").asString()).containsExactly("DRAFT");
        assertThat(body(http().get("/api/v1/budgets?departmentCode=" + code + "&status=SUBMITTED", clerk(code)))
                .get("items")).extracting(i -> i.get("id").asString()).containsExactly(submitted2024);
    }

    @Test
    void theOpenApiDescriptionOfTheBudgetApiIsServed() {
        Http.Response docs = http().get("/api/v1/budgets/api-docs", reviewer());
        assertThat(docs.status()).as(docs.body()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/v1/budgets/{id}/approval", "/api/v1/budgets/catalogs/{fiscalYear}");
    }
}

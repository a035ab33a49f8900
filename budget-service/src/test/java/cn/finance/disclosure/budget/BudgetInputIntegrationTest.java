package cn.finance.disclosure.budget;

import cn.finance.disclosure.testing.Http;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input and refused moves: each is a 4xx problem+json naming the field or the rule, never a 500, and nothing is
 * stored or changed.
 */
@ContextConfiguration(initializers = EmbeddedInfrastructureInitializer.class)
class BudgetInputIntegrationTest extends BudgetServiceTestSupport {

    /** field (as the problem must name it) → how the seed is spoiled. */
    static Map<String, Consumer<ObjectNode>> spoiled() {
        Map<String, Consumer<ObjectNode>> cases = new LinkedHashMap<>();
        cases.put("revenue.generalPublicBudgetAppropriation",
                t -> ((ObjectNode) t.get("revenue")).put("generalPublicBudgetAppropriation", 2766200.00));
        cases.put("revenue.otherRevenue", t -> ((ObjectNode) t.get("revenue")).put("otherRevenue", "-1.00"));
        cases.put("expenditureLines[0].basic",
                t -> ((ObjectNode) t.get("expenditureLines").get(0)).put("basic", "1721080.001"));
        cases.put("threePublicExpenses.officialReception",
                t -> ((ObjectNode) t.get("threePublicExpenses")).put("officialReception", "4e3"));
        cases.put("fiscalYear", t -> t.put("fiscalYear", "二〇二四"));
        cases.put("expenditureLines[1].fundSource",
                t -> ((ObjectNode) t.get("expenditureLines").get(1)).put("fundSource", "SLUSH_FUND"));
        cases.put("surplus", t -> t.put("surplus", "0.00"));
        cases.put("priorYear.revenue.bonus", t -> ((ObjectNode) t.get("priorYear").get("revenue")).put("bonus", "1.00"));
        cases.put("priorYear", t -> t.remove("priorYear"));
        cases.put("revenue", t -> t.putNull("revenue"));
        cases.put("expenditureLines", t -> t.put("expenditureLines", "none"));
        cases.put("basicExpenditureByEconomicClass", t -> t.remove("basicExpenditureByEconomicClass"));
        cases.put("changeExplanations", t -> t.remove("changeExplanations"));
        cases.put("expenditureLines[0].functionCode",
                t -> ((ObjectNode) t.get("expenditureLines").get(0)).put("functionCode", "2012９01"));
        cases.put("basicExpenditureByEconomicClass[2].economicCode",
                t -> ((ObjectNode) t.get("basicExpenditureByEconomicClass").get(2)).put("economicCode", "30301x"));
        cases.put("basicExpenditureUse", t -> t.put("basicExpenditureUse", "很长".repeat(1001)));
        cases.put("projectExpenditureUse", t -> t.put("projectExpenditureUse", "用于\u0000项目"));
        cases.put("projects[0].performanceTargets[0]",
                t -> ((ArrayNode) t.get("projects").get(0).get("performanceTargets")).insertNull(0));
        cases.put("projects[0].name", t -> ((ObjectNode) t.get("projects").get(0)).put("name", "<img src=x onerror=alert(1)>"));
        cases.put("changeExplanations.revenue",
                t -> ((ObjectNode) t.get("changeExplanations")).put("revenue", "见<a href=\"javascript:alert(1)\">附件</a>"));
        cases.put("assets.asOf", t -> ((ObjectNode) t.get("assets")).put("asOf", "2023年12月"));
        cases.put("departmentCode", t -> t.put("departmentCode", "40500A"));
        return cases;
    }

    @Test
    void aBadBudgetIsAProblemNamingTheFieldAndNothingIsStored() {
        String code = freshCode();
        spoiled().forEach((field, spoil) -> {
            ObjectNode body = seedFor(code, spoil);
            Http.Response r = http().post("/api/v1/budgets", clerk(code), json(body));
            assertProblem(r, 400, field);
        });
        assertProblem(http().post("/api/v1/budgets", clerk(code), "{\"departmentCode\": \"" + code + "\","), 400,
                "malformed-json");
        assertProblem(http().post("/api/v1/budgets", clerk(code),
                json(seedFor(code)).replaceFirst("\\{", "{\"fiscalYear\":2024,")), 400);
        assertProblem(http().post("/api/v1/budgets", clerk(code), null), 400);
        assertProblem(http().send("POST", "/api/v1/budgets", clerk(code), null, "Content-Type", "text/plain"), 415);
        assertThat(stored(code)).isEmpty();
    }

    @Test
    void theRefusalsSpeakChineseToTheClerk() {
        String code = freshCode();
        Http.Response negative = http().post("/api/v1/budgets", clerk(code), json(seedFor(code,
                t -> ((ObjectNode) t.get("revenue")).put("otherRevenue", "-1.00"))));
        assertProblem(negative, 400, "金额格式不正确", "revenue.otherRevenue");
        Http.Response missing = http().post("/api/v1/budgets", clerk(code), json(seedFor(code,
                t -> t.remove("priorYear"))));
        assertProblem(missing, 400, "上年比较数不能为空");
        Http.Response number = http().post("/api/v1/budgets", clerk(code), json(seedFor(code,
                t -> ((ObjectNode) t.get("revenue")).put("otherRevenue", 0))));
        assertProblem(number, 400, "金额必须是字符串形式的十进制数");
    }

    @Test
    void aBadEditIsRefusedAndTheStoredBudgetStaysAsItWas() {
        String code = freshCode();
        String id = create(seedFor(code));
        String path = "/api/v1/budgets/" + id;
        List<Document> before = stored(code);

        spoiled().forEach((field, spoil) -> assertProblem(http().put(path, clerk(code), json(seedFor(code, spoil)),
                "If-Match", "\"0\""), 400, field));
        assertProblem(http().put(path, clerk(code), json(seedFor(freshCode())), "If-Match", "\"0\""), 400,
                "departmentCode", "预算的单位编码不能修改");
        assertProblem(http().put(path, clerk(code), json(seedFor(code, inYear(2025))), "If-Match", "\"0\""), 400,
                "fiscalYear");
        assertProblem(http().put(path, clerk(code), json(seedFor(code)), "If-Match", "version-0"), 400, "If-Match");
        assertProblem(http().put(path, clerk(code), json(seedFor(code)), "If-Match", "\"7\""), 412, "stale-version");
        assertProblem(http().put(path, clerk(code), json(seedFor(code))), 428);
        assertProblem(http().put("/api/v1/budgets/" + code + "-2024-r9", clerk(code), json(seedFor(code)),
                "If-Match", "\"0\""), 404);

        assertThat(stored(code)).isEqualTo(before);
    }

    @Test
    void illegalMovesAreConflictsNamingTheStatusAndChangeNothing() {
        String code = freshCode();
        String id = create(seedFor(code));
        List<Document> before = stored(code);

        Http.Response approveDraft = http().post("/api/v1/budgets/" + id + "/approval", reviewer(), null);
        assertProblem(approveDraft, 409, "urn:finance:problem:illegal-transition", "草稿", "不能批准", "\"budgetStatus\":\"DRAFT\"",
                "\"allowedActions\":[");
        assertProblem(http().post("/api/v1/budgets/" + id + "/return", reviewer(), "{\"reason\":\"退回草稿\"}"), 409,
                "illegal-transition", "不能退回");
        assertProblem(http().post("/api/v1/budgets/" + id + "/revisions", clerk(code), null), 409,
                "illegal-transition", "只有已批准的预算才能发起修订");
        assertThat(stored(code)).isEqualTo(before);

        assertThat(http().post("/api/v1/budgets/" + id + "/submission", clerk(code), acknowledgingTheSeedWarning())
                .status()).isEqualTo(200);
        List<Document> submitted = stored(code);
        assertProblem(http().post("/api/v1/budgets/" + id + "/submission", clerk(code), acknowledgingTheSeedWarning()),
                409, "illegal-transition", "已提交待审核");
        assertProblem(http().put("/api/v1/budgets/" + id, clerk(code), json(seedFor(code)), "If-Match", "\"1\""), 409,
                "illegal-transition", "不能修改");
        assertProblem(http().post("/api/v1/budgets/" + id + "/approval", reviewer(), null, "If-Match", "\"0\""), 412,
                "stale-version");
        assertThat(stored(code)).isEqualTo(submitted);
    }

    @Test
    void errorsBlockSubmissionWithA422ListingThemAndNothingChanges() {
        String code = freshCode();
        String id = create(seedFor(code, t -> {
            ((ObjectNode) t.get("revenue")).put("generalPublicBudgetAppropriation", "2766300.00");
            ((ObjectNode) t.get("expenditureLines").get(0)).put("functionCode", "2018898"); // no such 款: an error even against the reference list
        }));
        List<Document> before = stored(code);

        Http.Response validation = http().post("/api/v1/budgets/" + id + "/validation", clerk(code), null);
        assertThat(validation.status()).isEqualTo(200);
        assertThat(body(validation).get("submittable").asBoolean()).isFalse();
        assertThat(body(validation).get("counts").get("errors").asLong()).isGreaterThanOrEqualTo(2);

        Http.Response refused = http().post("/api/v1/budgets/" + id + "/submission", clerk(code),
                acknowledgingTheSeedWarning());
        assertProblem(refused, 422, "submission-has-errors", "V01-REVENUE-EXPENDITURE", "V03-FUNCTION-CODE-UNKNOWN",
                "expenditureLines[0].functionCode", "不在2024年政府收支分类科目中");
        assertThat(body(refused).get("errors")).allSatisfy(e -> assertThat(e.get("severity").asString())
                .isEqualTo("ERROR"));
        assertThat(stored(code)).isEqualTo(before);
    }

    @Test
    void anAcknowledgementWithoutAnExplanationIsAProblemNamingIt() {
        String code = freshCode();
        String id = create(seedFor(code));

        Http.Response blank = http().post("/api/v1/budgets/" + id + "/submission", clerk(code),
                "{\"acknowledgements\":[{\"ruleId\":\"V06-REVENUE-EXPENDITURE-DELTA\",\"path\":\"priorYear\","
                        + "\"explanation\":\" \"}]}");
        assertProblem(blank, 400, "acknowledgements[0].explanation", "须填写说明");
        Http.Response wrongFinding = http().post("/api/v1/budgets/" + id + "/submission", clerk(code),
                "{\"acknowledgements\":[{\"ruleId\":\"V06-REVENUE-EXPENDITURE-DELTA\",\"path\":\"revenue\","
                        + "\"explanation\":\"说明\"}]}");
        assertProblem(wrongFinding, 422, "warnings-unacknowledged", "priorYear");
        assertProblem(http().post("/api/v1/budgets/" + id + "/submission", clerk(code), "{\"acks\":[]}"), 400, "acks");
        assertThat(body(http().get("/api/v1/budgets/" + id, clerk(code))).get("status").asString()).isEqualTo("DRAFT");
    }

    @Test
    void aReturnReasonMayRunOverSeveralLinesButHoldsNoMarkup() {
        String code = freshCode();
        String id = submitted(code);

        assertProblem(http().post("/api/v1/budgets/" + id + "/return", reviewer(),
                "{\"reason\":\"<script>alert(1)</script>\"}"), 400, "reason", "HTML");
        Http.Response returned = http().post("/api/v1/budgets/" + id + "/return", reviewer(),
                "{\"reason\":\"一、请说明上年结转。\\n二、三公经费持平，<5%的差异无需说明。\"}");
        assertThat(returned.status()).as(returned.body()).isEqualTo(200);
        assertThat(body(returned).get("returnReason").asString()).isEqualTo("一、请说明上年结转。\n二、三公经费持平，<5%的差异无需说明。");
    }

    @Test
    void aSecondBudgetForTheSameDepartmentAndYearIsAConflict() {
        String code = freshCode();
        String id = create(seedFor(code));

        Http.Response second = http().post("/api/v1/budgets", clerk(code), json(seedFor(code)));

        assertProblem(second, 409, "budget-exists", id);
        assertThat(stored(code)).hasSize(1);
    }

    @Test
    void aYearWithoutACatalogCannotBeValidatedOrSubmitted() {
        String code = freshCode();
        String id = create(seedFor(code, inYear(2039)));

        assertProblem(http().post("/api/v1/budgets/" + id + "/validation", clerk(code), null), 422, "catalog-missing",
                "2039");
        assertProblem(http().post("/api/v1/budgets/" + id + "/submission", clerk(code), null), 422, "catalog-missing");
    }

    @Test
    void badQueriesAndPathsAreProblemsToo() {
        assertProblem(http().get("/api/v1/budgets?status=FINISHED", reviewer()), 400, "status");
        assertProblem(http().get("/api/v1/budgets?fiscalYear=24", reviewer()), 400, "fiscalYear");
        assertProblem(http().get("/api/v1/budgets?size=1000", reviewer()), 400, "size");
        assertProblem(http().get("/api/v1/budgets/" + "x".repeat(80), reviewer()), 400, "id");
        assertProblem(http().get("/api/v1/budgets/000000-2024-r1", reviewer()), 404, "未找到预算");
    }
}

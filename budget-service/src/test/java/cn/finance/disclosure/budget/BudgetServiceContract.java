package cn.finance.disclosure.budget;

import cn.finance.disclosure.events.EventEnvelope;
import cn.finance.disclosure.events.EventJson;
import cn.finance.disclosure.events.EventTypes;
import cn.finance.disclosure.events.budget.BudgetApprovedV2;
import cn.finance.disclosure.events.budget.BudgetReturned;
import cn.finance.disclosure.testing.Http;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review workflow over HTTP with real signed tokens, a real Kafka broker and a MongoDB-speaking server: the seed
 * budget from creation to approval with its approval event carrying every amount exactly, a return and
 * re-submission, separation of duties, revisions after approval, and concurrent edits. Runs on the embedded broker and
 * MongoDB-wire server ({@link BudgetServiceIntegrationTest}) and, where Docker exists, on real MongoDB and Kafka
 * containers ({@link BudgetServiceContainersTest}).
 */
abstract class BudgetServiceContract extends BudgetServiceTestSupport {

    private static final Pattern AMOUNT = Pattern.compile("(0|[1-9][0-9]*)\\.[0-9]{2}");

    @Test
    void theSeedBudgetIsCreatedValidatedSubmittedAndApprovedAndItsApprovalEventCarriesEveryAmountExactly() {
        String clerk = clerk(SEED_CODE);
        Http.Response created = http().post("/api/v1/budgets", clerk, json(seed()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/v1/budgets/405001-2024-r1");
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        String id = body(created).get("id").asString();

        Http.Response read = http().get("/api/v1/budgets/" + id, clerk);
        assertThat(body(read).get("submission")).isEqualTo(seed());
        assertThat(body(read).get("status").asString()).isEqualTo("DRAFT");
        Document stored = mongo.getCollection("budgets").find(new Document("_id", id)).first();
        assertThat(stored.get("submission", Document.class).get("revenue", Document.class)
                .get("generalPublicBudgetAppropriation"))
                .isEqualTo(new Decimal128(new BigDecimal("2766200.00")));

        Http.Response validation = http().post("/api/v1/budgets/" + id + "/validation", clerk, null);
        assertThat(validation.status()).as(validation.body()).isEqualTo(200);
        JsonNode findings = body(validation).get("findings");
        assertThat(findings).hasSize(2);
        assertThat(findings.get(0).get("ruleId").asString()).isEqualTo("V06-REVENUE-EXPENDITURE-DELTA");
        assertThat(findings.get(0).get("severity").asString()).isEqualTo("WARNING");
        assertThat(findings.get(0).get("path").asString()).isEqualTo("priorYear");
        assertThat(findings.get(0).get("figures").get("revenueChange").asString()).isEqualTo("-968000.00");
        assertThat(findings.get(0).get("figures").get("expenditureChangeWanYuan").asString()).isEqualTo("-112.8");
        assertThat(findings.get(0).get("message").asString()).contains("减少96.8万元", "减少112.8万元");
        assertThat(findings.get(1).get("ruleId").asString()).isEqualTo("V03-ROUNDING-FUNCTION-CLASSES");
        assertThat(findings.get(1).get("severity").asString()).isEqualTo("INFO");
        assertThat(findings.get(1).get("message").asString()).contains("276.63", "276.62");
        assertThat(body(validation).get("counts").toString()).isEqualTo("{\"errors\":0,\"warnings\":1,\"info\":1}");
        assertThat(body(validation).get("submittable").asBoolean()).isTrue();

        Http.Response unexplained = http().post("/api/v1/budgets/" + id + "/submission", clerk, null);
        assertProblem(unexplained, 422, "warnings-unacknowledged", "V06-REVENUE-EXPENDITURE-DELTA", "priorYear");
        assertThat(body(http().get("/api/v1/budgets/" + id, clerk)).get("status").asString()).isEqualTo("DRAFT");

        Http.Response submitted = http().post("/api/v1/budgets/" + id + "/submission", clerk,
                acknowledgingTheSeedWarning());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(body(submitted).get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(body(submitted).get("acknowledgements").get(0).get("explanation").asString()).contains("结转");

        Http.Response approved = http().post("/api/v1/budgets/" + id + "/approval", reviewer(), null,
                "If-Match", submitted.header("ETag"));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        JsonNode approvedBody = body(approved);
        assertThat(approvedBody.get("status").asString()).isEqualTo("APPROVED");
        assertThat(approvedBody.get("approvedBy").asString()).isEqualTo("bureau-reviewer");
        assertThat(approvedBody.get("history")).extracting(h -> h.get("step").asString())
                .containsExactly("CREATED", "SUBMITTED", "APPROVED");

        List<EventEnvelope> events = eventsAbout("405001/2024", 2);
        assertThat(events).extracting(EventEnvelope::type)
                .containsExactly(EventTypes.BUDGET_SUBMITTED, EventTypes.BUDGET_APPROVED_V2);
        EventEnvelope approval = events.get(1);
        BudgetApprovedV2 payload = EventJson.payload(approval, BudgetApprovedV2.class);
        assertThat(payload.budgetId()).isEqualTo(id);
        assertThat(payload.departmentCode()).isEqualTo("405001");
        assertThat(payload.fiscalYear()).isEqualTo(2024);
        assertThat(payload.revision()).isEqualTo(1);
        assertThat(payload.replacesBudgetId()).isNull();
        assertThat(payload.submittedBy().username()).isEqualTo("clerk-405001");
        assertThat(payload.approvedBy().username()).isEqualTo("bureau-reviewer");
        assertThat(payload.approvedAt().toString()).isEqualTo(approvedBody.get("approvedAt").asString());
        // The catalog names travel with the approval: the 类, 款 and 项 of every code the budget uses.
        assertThat(payload.classification().function()).containsEntry("201", "一般公共服务支出")
                .containsEntry("20129", "群众团体事务").containsEntry("2012901", "行政运行");
        assertThat(payload.classification().economic()).containsEntry("302", "商品和服务支出");
        assertThat(payload.classification().functionList()).isEqualTo("REFERENCE");
        assertThat(approval.subject()).isEqualTo("405001/2024");

        JsonNode carried = approval.data().get("submission");
        Map<String, String> amounts = amounts(seed(), "");
        assertThat(amounts).hasSizeGreaterThan(50).containsEntry("revenue.generalPublicBudgetAppropriation",
                "2766200.00");
        amounts.forEach((path, amount) -> assertThat(at(carried, path).asString()).as(path).isEqualTo(amount));
        assertThat(carried).isEqualTo(seed());
    }

    @Test
    void aReturnedBudgetIsEditedSubmittedAgainAndApprovedAndEveryDecisionIsAnEvent() {
        String code = freshCode();
        String id = submitted(code);

        assertProblem(http().post("/api/v1/budgets/" + id + "/return", reviewer(), "{}"), 400, "reason");
        assertProblem(http().post("/api/v1/budgets/" + id + "/return", reviewer(), null), 400, "reason");
        Http.Response returned = http().post("/api/v1/budgets/" + id + "/return", reviewer(),
                "{\"reason\":\"请说明2023年上年结转资金的情况\"}");
        assertThat(returned.status()).as(returned.body()).isEqualTo(200);
        assertThat(body(returned).get("status").asString()).isEqualTo("RETURNED");
        assertThat(body(returned).get("returnReason").asString()).isEqualTo("请说明2023年上年结转资金的情况");

        ObjectNode edited = seedFor(code, t -> ((ObjectNode) t.get("changeExplanations"))
                .put("revenue", "人员减少经费拨款减少96.8万元；2023年另使用上年结转16万元"));
        Http.Response put = http().put("/api/v1/budgets/" + id, clerk(code), json(edited),
                "If-Match", returned.header("ETag"));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(body(put).get("status").asString()).isEqualTo("DRAFT");

        Http.Response resubmitted = http().post("/api/v1/budgets/" + id + "/submission", clerk(code),
                acknowledgingTheSeedWarning());
        assertThat(resubmitted.status()).as(resubmitted.body()).isEqualTo(200);
        Http.Response approved = http().post("/api/v1/budgets/" + id + "/approval", reviewer(), null);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(body(approved).get("history")).extracting(h -> h.get("step").asString()).containsExactly(
                "CREATED", "SUBMITTED", "RETURNED", "EDITED", "SUBMITTED", "APPROVED");
        assertThat(body(approved).get("history").get(2).get("note").asString()).contains("上年结转");

        List<EventEnvelope> events = eventsAbout(code + "/2024", 4);
        assertThat(events).extracting(EventEnvelope::type).containsExactly(EventTypes.BUDGET_SUBMITTED,
                EventTypes.BUDGET_RETURNED, EventTypes.BUDGET_SUBMITTED, EventTypes.BUDGET_APPROVED_V2);
        assertThat(EventJson.payload(events.get(1), BudgetReturned.class).reason()).contains("上年结转");
        assertThat(EventJson.payload(events.get(3), BudgetApprovedV2.class).submission().changeExplanations().revenue())
                .contains("另使用上年结转16万元");
        assertThat(events).extracting(EventEnvelope::id).doesNotHaveDuplicates();
    }

    @Test
    void theSubmitterCannotApproveEvenHoldingTheReviewerRole() {
        String code = freshCode();
        String asClerk = "Bearer " + ISSUER.withSubject("person-7", "wang", "department-clerk", code);
        String asReviewer = "Bearer " + ISSUER.withSubject("person-7", "wang-reviewer", "bureau-reviewer", null);
        Http.Response created = http().post("/api/v1/budgets", asClerk, json(seedFor(code)));
        String id = body(created).get("id").asString();
        assertThat(http().post("/api/v1/budgets/" + id + "/submission", asClerk, acknowledgingTheSeedWarning())
                .status()).isEqualTo(200);

        Http.Response own = http().post("/api/v1/budgets/" + id + "/approval", asReviewer, null);

        assertProblem(own, 403, "urn:finance:problem:own-submission", "不能批准本人提交的预算", "wang");
        assertThat(body(http().get("/api/v1/budgets/" + id, asReviewer)).get("status").asString())
                .isEqualTo("SUBMITTED");
        Http.Response byAnother = http().post("/api/v1/budgets/" + id + "/approval", reviewer(), null);
        assertThat(byAnother.status()).as(byAnother.body()).isEqualTo(200);
        assertThat(eventsAbout(code + "/2024", 2)).extracting(EventEnvelope::type)
                .containsExactly(EventTypes.BUDGET_SUBMITTED, EventTypes.BUDGET_APPROVED_V2);
    }

    @Test
    void anEditAgainstAStaleVersionIsRefusedAndOfConcurrentEditsExactlyOneWins() throws Exception {
        String code = freshCode();
        String id = create(seedFor(code));
        String path = "/api/v1/budgets/" + id;

        Http.Response first = http().put(path, clerk(code), json(seedFor(code, t -> t.put("basicExpenditureUse", "甲"))),
                "If-Match", "\"0\"");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.header("ETag")).isEqualTo("\"1\"");
        Http.Response stale = http().put(path, clerk(code), json(seedFor(code, t -> t.put("basicExpenditureUse", "乙"))),
                "If-Match", "\"0\"");
        assertProblem(stale, 412, "stale-version");
        assertProblem(http().put(path, clerk(code), json(seedFor(code))), 428, "If-Match");

        List<Callable<Http.Response>> editors = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String text = "并发修改" + i;
            editors.add(() -> http().put(path, clerk(code),
                    json(seedFor(code, t -> t.put("basicExpenditureUse", text))), "If-Match", "\"1\""));
        }
        List<Http.Response> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
            for (Future<Http.Response> f : pool.invokeAll(editors)) {
                answers.add(f.get());
            }
        }
        assertThat(answers).extracting(Http.Response::status).containsOnly(200, 412);
        assertThat(answers).filteredOn(r -> r.status() == 200).hasSize(1);
        String winner = body(answers.stream().filter(r -> r.status() == 200).findFirst().orElseThrow())
                .get("submission").get("basicExpenditureUse").asString();
        JsonNode now = body(http().get(path, clerk(code)));
        assertThat(now.get("submission").get("basicExpenditureUse").asString()).isEqualTo(winner);
        assertThat(now.get("version").asLong()).isEqualTo(2);
        assertThat(now.get("history")).hasSize(3); // created, 甲, the one winner
    }

    @Test
    void anApprovedBudgetIsFrozenAndAChangeGoesThroughANewRevision() {
        String code = freshCode();
        String r1 = approved(code);

        assertProblem(http().put("/api/v1/budgets/" + r1, clerk(code), json(seedFor(code)), "If-Match", "\"2\""),
                409, "illegal-transition", "已批准");
        assertProblem(http().post("/api/v1/budgets/" + r1 + "/approval", reviewer(), null), 409, "illegal-transition");
        assertProblem(http().post("/api/v1/budgets/" + r1 + "/revisions", head(code), null), 403);

        Http.Response revised = http().post("/api/v1/budgets/" + r1 + "/revisions", clerk(code), null);
        assertThat(revised.status()).as(revised.body()).isEqualTo(201);
        JsonNode r2 = body(revised);
        assertThat(r2.get("id").asString()).isEqualTo(code + "-2024-r2");
        assertThat(r2.get("revision").asInt()).isEqualTo(2);
        assertThat(r2.get("replacesBudgetId").asString()).isEqualTo(r1);
        assertThat(r2.get("status").asString()).isEqualTo("DRAFT");
        assertThat(r2.get("submission")).isEqualTo(seedFor(code));
        assertProblem(http().post("/api/v1/budgets/" + r1 + "/revisions", clerk(code), null), 409, "revision-exists");
        assertProblem(http().post("/api/v1/budgets/" + r2.get("id").asString() + "/revisions", clerk(code), null),
                409, "illegal-transition");

        String r2Id = r2.get("id").asString();
        Http.Response edited = http().put("/api/v1/budgets/" + r2Id, clerk(code),
                json(seedFor(code, t -> t.put("operatingExpensesUse", "办公费、印刷费、差旅费等"))), "If-Match", "\"0\"");
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(http().post("/api/v1/budgets/" + r2Id + "/submission", clerk(code), acknowledgingTheSeedWarning())
                .status()).isEqualTo(200);
        assertThat(http().post("/api/v1/budgets/" + r2Id + "/approval", reviewer(), null).status()).isEqualTo(200);

        JsonNode list = body(http().get("/api/v1/budgets?departmentCode=" + code + "&fiscalYear=2024", clerk(code)));
        assertThat(list.get("items")).extracting(i -> i.get("id").asString() + ":" + i.get("status").asString())
                .containsExactly(r2Id + ":APPROVED", r1 + ":APPROVED");
        assertThat(body(http().get("/api/v1/budgets/" + r1, clerk(code))).get("submission")).isEqualTo(seedFor(code));

        List<EventEnvelope> approvals = eventsAbout(code + "/2024", 4).stream()
                .filter(e -> e.type().equals(EventTypes.BUDGET_APPROVED_V2)).toList();
        assertThat(approvals).hasSize(2);
        BudgetApprovedV2 second = EventJson.payload(approvals.get(1), BudgetApprovedV2.class);
        assertThat(second.revision()).isEqualTo(2);
        assertThat(second.replacesBudgetId()).isEqualTo(r1);
        assertThat(second.submission().operatingExpensesUse()).isEqualTo("办公费、印刷费、差旅费等");
    }

    /** Every amount of the fixture (a decimal string with two places) by its dotted path. */
    static Map<String, String> amounts(JsonNode node, String path) {
        Map<String, String> found = new LinkedHashMap<>();
        if (node.isObject()) {
            node.properties().forEach(e -> found.putAll(amounts(e.getValue(),
                    path.isEmpty() ? e.getKey() : path + "." + e.getKey())));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                found.putAll(amounts(node.get(i), path + "[" + i + "]"));
            }
        } else if (node.isString() && AMOUNT.matcher(node.asString()).matches()) {
            found.put(path, node.asString());
        }
        return found;
    }

    static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String segment : path.split("\\.")) {
            int bracket = segment.indexOf('[');
            String name = bracket < 0 ? segment : segment.substring(0, bracket);
            node = node.get(name);
            if (bracket >= 0) {
                node = node.get(Integer.parseInt(segment.substring(bracket + 1, segment.length() - 1)));
            }
            if (node == null) {
                throw new AssertionError("missing " + path);
            }
        }
        return node;
    }

    /** The API description parses as OpenAPI 3.1 with a standard parser, and a JavaScript client can compile its patterns. */
    @org.junit.jupiter.api.Test
    void theApiDescriptionIsValidOpenApi31WithPatternsAJavaScriptClientCompiles() {
        Http.Response docs = http().get("/api/v1/budgets/api-docs", ISSUER.bearer("bureau-reviewer", "bureau-reviewer", null));
        org.assertj.core.api.Assertions.assertThat(docs.status()).as(docs.body()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(cn.finance.disclosure.testing.OpenApiContracts.problems(docs.body()))
                .isEmpty();
    }

    @org.junit.jupiter.api.Test
    void aJavaClientGeneratedFromTheLiveApiDescriptionCompiles() {
        Http.Response docs = http().get("/api/v1/budgets/api-docs", ISSUER.bearer("bureau-reviewer", "bureau-reviewer", null));
        org.assertj.core.api.Assertions.assertThat(docs.status()).as(docs.body()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(
                        cn.finance.disclosure.testing.OpenApiContracts.generatedClientProblems(docs.body()))
                .isEmpty();
    }
}

package cn.finance.disclosure.system;

import cn.finance.disclosure.stack.StaffClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static cn.finance.disclosure.system.StackScenarios.ADMIN;
import static cn.finance.disclosure.system.StackScenarios.PUBLISHER;
import static cn.finance.disclosure.system.StackScenarios.REVIEWER;
import static cn.finance.disclosure.system.StackScenarios.YEAR;
import static cn.finance.disclosure.system.StackScenarios.clerk;
import static cn.finance.disclosure.system.StackScenarios.disclosureId;
import static cn.finance.disclosure.system.StackScenarios.head;
import static cn.finance.disclosure.system.StackScenarios.publicPath;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workflows of the domain end to end over the whole running stack, as the people in them do it: through the
 * gateway with real Keycloak tokens of users made for departments 4301xx (this class's own), with the events between
 * the services travelling over the real Kafka broker. A department from registration to a public version read in
 * every format; a budget returned for revision and approved after the edit; a correction that supersedes version 1;
 * a withdrawal; and the bureau's overdue list fed by a contract-true approval event from 30 days ago.
 */
class WorkflowScenariosSystemTest {

    private static final Duration EVENTS = Duration.ofSeconds(60);

    private final StackScenarios stack = new StackScenarios();
    private final StaffClient client = stack.client;

    /** Other test classes share the stack: leave nothing in flight (events relayed and consumed). */
    @AfterAll
    static void nothingLeftInFlight() {
        new StackScenarios().awaitQuiet(Duration.ofSeconds(60));
    }

    @Test
    void aDepartmentGoesFromRegistrationToAPublicVersionReadableAsJsonTextHtmlAndCsv() throws Exception {
        String code = "430101";
        stack.register(code);
        StaffClient.Answer registered = client.get("/api/v1/departments/" + code, clerk(code));
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
        assertThat(registered.json().get("name").asString()).isEqualTo("重庆市綦江区场景测试单位" + code);
        stack.putProfile(code, clerk(code));
        assertThat(client.get("/api/v1/departments/" + code + "/profiles/" + YEAR, clerk(code)).status())
                .isEqualTo(200);

        String budgetId = stack.createBudget(code);
        assertThat(budgetId).isEqualTo(code + "-" + YEAR + "-r1");
        StaffClient.Answer validation = client.post("/api/v1/budgets/" + budgetId + "/validation", clerk(code), null);
        assertThat(validation.status()).as(validation.body()).isEqualTo(200);
        assertThat(validation.json().get("findings"))
                .extracting(f -> f.get("severity").asString() + " " + f.get("ruleId").asString())
                .contains("WARNING V06-REVENUE-EXPENDITURE-DELTA")
                .noneMatch(f -> f.startsWith("ERROR"));
        StaffClient.Answer unexplained = client.post("/api/v1/budgets/" + budgetId + "/submission", clerk(code), null);
        assertThat(unexplained.status()).as("a warning must be explained").isEqualTo(422);
        stack.submit(code, budgetId);
        JsonNode approved = stack.approveOk(budgetId);
        assertThat(approved.get("approvedBy").asString()).isEqualTo(REVIEWER);

        JsonNode draft = stack.awaitDraft(code, 1, EVENTS);
        assertThat(draft.get("draft").get("kind").asString()).isEqualTo("release");
        assertThat(draft.get("basis").get("budgetId").asString()).isEqualTo(budgetId);
        assertThat(draft.get("draft").get("content").get("text").asString()).contains("重庆市綦江区场景测试单位" + code);
        StaffClient.Answer byOwnHead = client.get("/api/v1/publications/" + disclosureId(code), head(code));
        assertThat(byOwnHead.status()).isEqualTo(200);
        JsonNode released = stack.releaseFirstVersion(code);
        assertThat(released.get("currentVersion").asInt()).isEqualTo(1);
        String hash = released.get("versions").get(0).get("contentHash").asString();

        // the public version, anonymously, in every representation
        StaffClient.Answer current = client.get(publicPath(code), null);
        assertThat(current.status()).as(current.body()).isEqualTo(200);
        JsonNode version = current.json();
        assertThat(version.get("version").asInt()).isEqualTo(1);
        assertThat(version.get("links").get("versions").asString()).isEqualTo(publicPath(code) + "/versions");
        assertThat(version.get("departmentCode").asString()).isEqualTo(code);
        assertThat(version.get("departmentName").asString()).isEqualTo("重庆市綦江区场景测试单位" + code);
        assertThat(version.get("contentHash").asString()).isEqualTo(hash);
        assertThat(PublicationSystemTest.sha256(PublicationSystemTest.Jcs.canonicalize(version.get("content"))))
                .isEqualTo(hash);

        StaffClient.Answer v1 = client.get(publicPath(code) + "/versions/1", null);
        assertThat(v1.status()).isEqualTo(200);
        assertThat(v1.header("ETag")).isEqualTo("\"" + hash + "\"");
        assertThat(v1.header("Cache-Control")).contains("immutable");
        assertThat(v1.json().get("content")).isEqualTo(version.get("content"));
        JsonNode listed1 = client.get(publicPath(code) + "/versions", null).json();
        assertThat(listed1.get("currentVersion").asInt()).isEqualTo(1);
        assertThat(listed1.get("versions")).singleElement()
                .satisfies(v -> assertThat(v.get("status").asString()).isEqualTo("current"));

        StaffClient.Answer text = client.get(publicPath(code) + "/versions/1.txt", null);
        assertThat(text.status()).isEqualTo(200);
        assertThat(text.header("Content-Type")).isEqualTo("text/plain;charset=UTF-8");
        assertThat(text.body()).isEqualTo(version.get("content").get("text").asString())
                .contains("重庆市綦江区场景测试单位" + code);

        StaffClient.Answer html = client.get(publicPath(code) + "/versions/1.html", null);
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.header("Content-Type")).isEqualTo("text/html;charset=UTF-8");
        assertThat(html.body()).contains("<html", "重庆市綦江区场景测试单位" + code, hash);

        JsonNode tables = version.get("links").get("tables");
        assertThat(tables.size()).isGreaterThanOrEqualTo(9);
        assertThat(tables.has("income-expenditure-summary")).isTrue();
        for (var link : tables.properties()) {
            StaffClient.Answer csv = client.get(link.getValue().asString(), null);
            assertThat(csv.status()).as(link.getKey()).isEqualTo(200);
            assertThat(csv.header("Content-Type")).as(link.getKey()).startsWith("text/csv");
            assertThat(csv.body().lines().findFirst()).as("%s has its header line", link.getKey()).get()
                    .asString().contains("万元");
        }
        assertThat(client.get(publicPath(code) + "/versions/1/tables/income-expenditure-summary.csv", null).body())
                .contains("276.62");

        StaffClient.Answer listed = client.get("/public/v1/publications?fiscalYear=" + YEAR + "&q=" + code, null);
        assertThat(listed.json().get("total").asLong()).isEqualTo(1);
        assertThat(listed.json().get("items").get(0).get("contentHash").asString()).isEqualTo(hash);
        assertThat(feedFor(code)).singleElement().satisfies(e -> {
            assertThat(e.get("type").asString()).isEqualTo("released");
            assertThat(e.get("version").asInt()).isEqualTo(1);
            assertThat(e.get("contentHash").asString()).isEqualTo(hash);
        });
    }

    @Test
    void aReturnedBudgetIsEditedResubmittedAndApprovedAndItsHistoryRecordsWhoWhenAndWhy() throws Exception {
        String code = "430102";
        String budgetId = stack.submittedBudget(code);
        String reason = "项目支出绩效目标表述不够具体，请补充项目支出用途说明后重新提交。";

        StaffClient.Answer withoutReason = client.post("/api/v1/budgets/" + budgetId + "/return", REVIEWER, "{}");
        assertThat(withoutReason.status()).as(withoutReason.body()).isEqualTo(400);
        StaffClient.Answer returned = client.post("/api/v1/budgets/" + budgetId + "/return", REVIEWER,
                Map.of("reason", reason));
        assertThat(returned.status()).as(returned.body()).isEqualTo(200);
        assertThat(returned.json().get("status").asString()).isEqualTo("RETURNED");

        StaffClient.Answer seenByClerk = client.get("/api/v1/budgets/" + budgetId, clerk(code));
        assertThat(seenByClerk.json().get("returnReason").asString()).isEqualTo(reason);
        String etag = seenByClerk.header("ETag");
        ObjectNode edited = StackScenarios.seedBudget(code);
        String newUse = "主要用于产业工人队伍建设改革、职工技能培训和劳动竞赛等工作";
        edited.put("projectExpenditureUse", newUse);
        StaffClient.Answer withoutIfMatch = client.put("/api/v1/budgets/" + budgetId, clerk(code), edited);
        assertThat(withoutIfMatch.status()).isEqualTo(428);
        StaffClient.Answer put = client.put("/api/v1/budgets/" + budgetId, clerk(code), edited, "If-Match", etag);
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.json().get("status").asString()).isEqualTo("DRAFT");
        StaffClient.Answer stale = client.put("/api/v1/budgets/" + budgetId, clerk(code), edited, "If-Match", etag);
        assertThat(stale.status()).as("an edit on a version read before the last one").isEqualTo(412);

        stack.submit(code, budgetId);
        JsonNode approved = stack.approveOk(budgetId);
        assertThat(approved.get("returnReason").isNull()).isTrue();
        assertThat(approved.get("submission").get("projectExpenditureUse").asString()).isEqualTo(newUse);

        List<JsonNode> history = new ArrayList<>();
        approved.get("history").forEach(history::add);
        assertThat(history).extracting(h -> h.get("step").asString() + " " + (h.get("from").isNull() ? "null" : h.get("from").asString()) + "→"
                        + h.get("to").asString() + " by " + h.get("by").asString())
                .containsExactly(
                        "CREATED null→DRAFT by " + clerk(code),
                        "SUBMITTED DRAFT→SUBMITTED by " + clerk(code),
                        "RETURNED SUBMITTED→RETURNED by " + REVIEWER,
                        "EDITED RETURNED→DRAFT by " + clerk(code),
                        "SUBMITTED DRAFT→SUBMITTED by " + clerk(code),
                        "APPROVED SUBMITTED→APPROVED by " + REVIEWER);
        assertThat(history.get(2).get("note").asString()).isEqualTo(reason);
        assertThat(history.get(1).get("acknowledgements").get(0).get("explanation").asString())
                .isEqualTo(StackScenarios.WARNING_EXPLANATION);
        Instant previous = Instant.EPOCH;
        for (JsonNode step : history) {
            Instant at = Instant.parse(step.get("at").asString());
            assertThat(at).as("steps in time order").isAfterOrEqualTo(previous)
                    .isAfter(Instant.now().minus(10, ChronoUnit.MINUTES));
            previous = at;
        }
        assertThat(Instant.parse(approved.get("approvedAt").asString())).isEqualTo(previous);

        JsonNode draft = stack.awaitDraft(code, 1, EVENTS);
        assertThat(draft.get("draft").get("content").get("text").asString()).contains(newUse);
    }

    @Test
    void aCorrectionFromANewBudgetRevisionSupersedesVersionOneAndTheFeedShowsBoth() throws Exception {
        String code = "430103";
        String r1 = stack.submittedBudget(code);
        stack.approveOk(r1);
        stack.releaseFirstVersion(code);
        String v1Hash = client.get(publicPath(code), null).json().get("contentHash").asString();
        StaffClient.Answer v1Before = client.get(publicPath(code) + "/versions/1", null);

        StaffClient.Answer revised = client.post("/api/v1/budgets/" + r1 + "/revisions", clerk(code), null);
        assertThat(revised.status()).as(revised.body()).isEqualTo(201);
        String r2 = revised.json().get("id").asString();
        assertThat(r2).isEqualTo(code + "-" + YEAR + "-r2");
        assertThat(revised.json().get("replacesBudgetId").asString()).isEqualTo(r1);
        ObjectNode changed = StackScenarios.seedBudget(code);
        String newUse = "主要用于保障在职人员工资福利及社会保险缴费，保障机关正常运转及职工服务阵地运行的各项商品服务支出";
        changed.put("basicExpenditureUse", newUse);
        StaffClient.Answer put = client.put("/api/v1/budgets/" + r2, clerk(code), changed, "If-Match",
                revised.header("ETag"));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        stack.submit(code, r2);
        stack.approveOk(r2);
        assertThat(stack.budget(r1).get("status").asString()).as("revision 1 stays approved, frozen")
                .isEqualTo("APPROVED");

        JsonNode correction = stack.awaitDraft(code, 2, EVENTS);
        assertThat(correction.get("draft").get("kind").asString()).isEqualTo("correction");
        assertThat(correction.get("currentVersion").asInt()).as("version 1 stays public meanwhile").isEqualTo(1);
        assertThat(client.get(publicPath(code), null).json().get("version").asInt()).isEqualTo(1);
        String hash = stack.confirm(code, correction);
        assertThat(hash).isNotEqualTo(v1Hash);
        StaffClient.Answer asRelease = client.post("/api/v1/publications/" + disclosureId(code) + "/release",
                PUBLISHER, Map.of("contentHash", hash));
        assertThat(asRelease.status()).as("a new content while a version is public is a correction").isEqualTo(409);
        String reason = "根据修订后批准的部门预算，更正基本支出用途说明。";
        StaffClient.Answer corrected = client.post("/api/v1/publications/" + disclosureId(code) + "/correction",
                PUBLISHER, Map.of("contentHash", hash, "reason", reason));
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(201);
        assertThat(corrected.header("Location")).isEqualTo(publicPath(code) + "/versions/2");

        JsonNode versions = client.get(publicPath(code) + "/versions", null).json();
        assertThat(versions.get("currentVersion").asInt()).isEqualTo(2);
        assertThat(versions.get("versions")).hasSize(2);
        JsonNode first = versions.get("versions").get(0);
        JsonNode second = versions.get("versions").get(1);
        assertThat(first.get("status").asString()).isEqualTo("superseded");
        assertThat(first.get("supersededBy").asInt()).isEqualTo(2);
        assertThat(first.get("contentHash").asString()).isEqualTo(v1Hash);
        assertThat(second.get("status").asString()).isEqualTo("current");
        assertThat(second.get("correction").asBoolean()).isTrue();
        assertThat(second.get("supersedes").asInt()).isEqualTo(1);
        assertThat(second.get("reason").asString()).isEqualTo(reason);
        assertThat(second.get("contentHash").asString()).isEqualTo(hash);

        JsonNode current = client.get(publicPath(code), null).json();
        assertThat(current.get("version").asInt()).isEqualTo(2);
        StaffClient.Answer v1After = client.get(publicPath(code) + "/versions/1", null);
        assertThat(v1After.status()).isEqualTo(200);
        assertThat(v1After.body()).isEqualTo(v1Before.body());
        assertThat(publicationService().get(publicPath(code) + "/versions/1", null).body())
                .as("version 1 is immutable at its source too (not only in the gateway's cache)")
                .isEqualTo(v1Before.body());
        assertThat(v1After.header("ETag")).isEqualTo("\"" + v1Hash + "\"");
        JsonNode old = v1After.json();
        assertThat(old.get("contentHash").asString()).isEqualTo(v1Hash);
        JsonNode v2 = client.get(publicPath(code) + "/versions/2", null).json();
        assertThat(v2.get("correction").asBoolean()).isTrue();
        assertThat(v2.get("supersedes").asInt()).isEqualTo(1);
        assertThat(v2.get("reason").asString()).isEqualTo(reason);
        assertThat(PublicationSystemTest.sha256(PublicationSystemTest.Jcs.canonicalize(old.get("content"))))
                .isEqualTo(v1Hash);
        String oldText = client.get(publicPath(code) + "/versions/1.txt", null).body();
        String newText = client.get(publicPath(code) + "/versions/2.txt", null).body();
        assertThat(oldText).doesNotContain(newUse);
        assertThat(newText).contains(newUse);
        assertThat(client.get(publicPath(code) + "/versions/2.html", null).body()).contains(reason);

        List<JsonNode> feed = stack.feed();
        StackScenarios.verifyChain(feed);
        assertThat(feed.stream().map(e -> e.get("eventId").asString()).distinct().count()).isEqualTo(feed.size());
        assertThat(feedFor(code)).extracting(e -> e.get("type").asString() + " v" + e.get("version").asInt()
                        + " supersedes " + e.get("supersedes") + " " + e.get("contentHash").asString()
                        + " reason " + e.get("reason"))
                .containsExactly("released v1 supersedes null " + v1Hash + " reason null",
                        "corrected v2 supersedes 1 " + hash + " reason \"" + reason + "\"");
    }

    @Test
    void aWithdrawnVersionStaysReadableMarkedWithdrawnWhileTheCurrentAddressAnswersGone() throws Exception {
        String code = "430104";
        stack.approveOk(stack.submittedBudget(code));
        stack.releaseFirstVersion(code);
        String hash = client.get(publicPath(code), null).json().get("contentHash").asString();
        StaffClient.Answer v1Before = client.get(publicPath(code) + "/versions/1", null);
        String reason = "所附表格引用的年度口径有误，暂时撤回，核实后重新公开。";

        StaffClient.Answer withoutReason = client.post("/api/v1/publications/" + disclosureId(code) + "/withdrawal",
                PUBLISHER, Map.of("contentHash", hash));
        assertThat(withoutReason.status()).isEqualTo(400);
        StaffClient.Answer byHead = client.post("/api/v1/publications/" + disclosureId(code) + "/withdrawal",
                head(code), Map.of("contentHash", hash, "reason", reason));
        assertThat(byHead.status()).isEqualTo(403);
        StaffClient.Answer withdrawn = client.post("/api/v1/publications/" + disclosureId(code) + "/withdrawal",
                PUBLISHER, Map.of("contentHash", hash, "reason", reason));
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(withdrawn.json().get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.json().get("currentVersion").isNull()).isTrue();

        StaffClient.Answer current = client.get(publicPath(code), null);
        assertThat(current.status()).isEqualTo(410);
        assertThat(current.header("Content-Type")).startsWith("application/problem+json");
        assertThat(current.json().get("versions").asString()).isEqualTo(publicPath(code) + "/versions");

        JsonNode versions = client.get(publicPath(code) + "/versions", null).json();
        assertThat(versions.get("currentVersion").isNull()).isTrue();
        assertThat(versions.get("versions")).singleElement().satisfies(v -> {
            assertThat(v.get("status").asString()).isEqualTo("withdrawn");
            assertThat(v.get("withdrawalReason").asString()).isEqualTo(reason);
            assertThat(v.get("withdrawnAt").isNull()).isFalse();
        });
        StaffClient.Answer v1 = client.get(publicPath(code) + "/versions/1", null);
        assertThat(v1.status()).isEqualTo(200);
        assertThat(v1.body()).as("the withdrawn version stays readable, unchanged").isEqualTo(v1Before.body());
        assertThat(publicationService().get(publicPath(code) + "/versions/1", null).body())
                .as("unchanged at its source too (not only in the gateway's cache)").isEqualTo(v1Before.body());
        assertThat(v1.json().get("contentHash").asString()).isEqualTo(hash);
        assertThat(client.get(publicPath(code) + "/versions/1.txt", null).status()).isEqualTo(200);
        assertThat(client.get("/public/v1/publications?q=" + code, null).json().get("total").asLong())
                .as("the public list shows current versions only").isZero();

        StaffClient.Answer again = client.post("/api/v1/publications/" + disclosureId(code) + "/withdrawal",
                PUBLISHER, Map.of("contentHash", hash, "reason", reason));
        assertThat(again.status()).isEqualTo(409);
        assertThat(feedFor(code)).extracting(e -> e.get("type").asString() + " v" + e.get("version").asInt()
                        + " " + e.get("reason"))
                .containsExactly("released v1 null", "withdrawn v1 \"" + reason + "\"");
        StackScenarios.verifyChain(stack.feed());
    }

    /**
     * An approval 30 days old (a contract-true budget.approved.v1, as budget-service would have published it then)
     * puts the department on the bureau's overdue list with a negative number of days left; one approved a day ago is
     * not on it.
     */
    @Test
    void theOverdueListShowsADisclosureApprovedThirtyDaysAgoButNotAFreshOne() throws Exception {
        String late = "430105";
        String fresh = "430106";
        for (String code : List.of(late, fresh)) {
            stack.register(code);
            stack.putProfile(code, ADMIN);
            stack.awaitProfileKnown(code);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        stack.publishApproval(late, now.minus(30, ChronoUnit.DAYS), stack.stack.budgetEventSigningKey());
        stack.publishApproval(fresh, now.minus(1, ChronoUnit.DAYS), stack.stack.budgetEventSigningKey());
        stack.awaitDraft(late, 1, EVENTS);
        stack.awaitDraft(fresh, 1, EVENTS);

        List<JsonNode> overdue = overdueList();
        assertThat(overdue).filteredOn(s -> s.get("departmentCode").asString().equals(late)).singleElement()
                .satisfies(s -> {
                    assertThat(s.get("id").asString()).isEqualTo(disclosureId(late));
                    assertThat(s.get("status").asString()).isEqualTo("DRAFT");
                    assertThat(s.get("overdue").asBoolean()).isTrue();
                    assertThat(s.get("daysLeft").asLong()).isEqualTo(-10);
                    assertThat(s.get("dueDate").asString()).isEqualTo(
                            java.time.LocalDate.ofInstant(now.minus(30, ChronoUnit.DAYS), java.time.ZoneId.of(
                                    "Asia/Shanghai")).plusDays(20).toString());
                });
        assertThat(overdue).allSatisfy(s -> assertThat(s.get("daysLeft").asLong()).isNegative());
        assertThat(overdue).noneMatch(s -> s.get("departmentCode").asString().equals(fresh));

        JsonNode notLate = client.get("/api/v1/publications?overdue=false&departmentCode=" + fresh, REVIEWER).json();
        assertThat(notLate.get("items")).singleElement().satisfies(s -> {
            assertThat(s.get("overdue").asBoolean()).isFalse();
            assertThat(s.get("daysLeft").asLong()).isEqualTo(19);
        });
        StaffClient.Answer clerkView = client.get("/api/v1/publications?overdue=true", clerk(late));
        assertThat(clerkView.status()).isEqualTo(200);
        assertThat(clerkView.json().get("items")).allSatisfy(s ->
                assertThat(s.get("departmentCode").asString()).as("a clerk sees only their own").isEqualTo(late));
    }

    /** All of the bureau's overdue list, page by page. */
    private List<JsonNode> overdueList() {
        List<JsonNode> items = new ArrayList<>();
        for (int page = 0; ; page++) {
            StaffClient.Answer answer = client.get("/api/v1/publications?overdue=true&size=100&page=" + page,
                    REVIEWER);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            answer.json().get("items").forEach(items::add);
            if ((long) (page + 1) * 100 >= answer.json().get("total").asLong()) {
                return items;
            }
        }
    }

    /** publication-service itself, past the gateway (and its cache of immutable answers), read anonymously. */
    private StaffClient publicationService() {
        var settings = stack.stack.settings();
        return new StaffClient("http://127.0.0.1:" + settings.publicationPort(), settings.issuer());
    }

    private List<JsonNode> feedFor(String code) {
        return stack.feed().stream().filter(e -> e.get("departmentCode").asString().equals(code)).toList();
    }
}

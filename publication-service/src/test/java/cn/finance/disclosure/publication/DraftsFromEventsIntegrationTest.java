package cn.finance.disclosure.publication;

import cn.finance.disclosure.events.EventJson;
import cn.finance.disclosure.events.EventTypes;
import cn.finance.disclosure.events.Topics;
import cn.finance.disclosure.events.budget.BudgetApproved;
import cn.finance.disclosure.testing.Http;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drafts come from consumed events only, and consuming is idempotent: the same event twice, an older profile after a
 * newer one, a redelivered approval — none changes anything; a message that cannot be processed is parked and does not
 * block its partition. Also the deadline (approval + 20 days) and the staff list's scoping.
 */
class DraftsFromEventsIntegrationTest extends PublicationIntegrationTest {

    @Autowired
    MongoTemplate mongo;

    Document stored(String code) {
        return mongo.getCollection("publications").find(new Document("_id", id(code))).first();
    }

    @Test
    void givenApprovalAndProfile_thenOneDraftWithTheSeedsTextDueTwentyDaysAfterApproval() {
        String code = newCode();
        Instant approvedAt = Instant.parse("2024-03-01T02:00:00Z");
        EVENTS.registered(code, Seed.name());
        EVENTS.profile(code, Seed.name(), 0, Seed.profile());
        EVENTS.approved(code, 1, submitter(code), APPROVER, approvedAt, Seed.budget(code));

        JsonNode draft = awaitStatus(code, "DRAFT");

        assertThat(draft.get("departmentName").stringValue()).isEqualTo(Seed.name());
        assertThat(draft.get("dueDate").stringValue()).isEqualTo("2024-03-21");
        long expectedDaysLeft = ChronoUnit.DAYS.between(LocalDate.now(ZoneId.of("Asia/Shanghai")),
                LocalDate.of(2024, 3, 21));
        assertThat(draft.get("daysLeft").asLong()).isEqualTo(expectedDaysLeft);
        assertThat(draft.get("basis").get("approvedBy").get("subject").stringValue()).isEqualTo(APPROVER.subject());
        JsonNode content = draft.get("draft").get("content");
        assertThat(Seed.normalize(content.get("text").stringValue())).isEqualTo(Seed.normalize(Seed.goldenText()));
        assertThat(content.get("tables").size()).isGreaterThanOrEqualTo(9);
        assertThat(draft.get("draft").get("contentHash").stringValue()).matches("[0-9a-f]{64}");
        assertThat(draft.get("versions").size()).isZero();
        assertThat(draft.get("nextStep").stringValue()).contains("confirmation");
    }

    @Test
    void givenTheSameApprovalTwice_thenStillOneDraftAndTheDocumentIsUntouched() {
        String code = newCode();
        JsonNode draft = seedDraft(code);
        Document before = stored(code);

        EventProducer.Sent approval = EVENTS.approved(code, 1, submitter(code), APPROVER, Instant.now(),
                Seed.budget(code));
        EVENTS.awaitHandled(EVENTS.again(approval).metadata());

        Document after = stored(code);
        assertThat(after.get("version")).isEqualTo(before.get("version"));
        assertThat(mongo.getCollection("publications").countDocuments(new Document("departmentCode", code))).isOne();
        assertThat(mongo.getCollection("approved_budgets").countDocuments(new Document("departmentCode", code))).isOne();
        assertThat(after.get("draft", Document.class).getString("contentHash"))
                .isEqualTo(draft.get("draft").get("contentHash").stringValue());
    }

    @Test
    void givenAnApprovalBeforeTheProfile_thenTheDisclosureWaitsVisibly_andTheProfileTurnsItIntoADraft() {
        String code = newCode();
        EVENTS.registered(code, Seed.name());
        EVENTS.approved(code, 1, submitter(code), APPROVER, Instant.parse("2024-03-01T02:00:00Z"), Seed.budget(code));

        JsonNode waiting = awaitStatus(code, "WAITING_FOR_PROFILE");
        assertThat(waiting.get("waitingFor").stringValue()).isEqualTo("department-profile");
        assertThat(waiting.get("dueDate").stringValue()).isEqualTo("2024-03-21");
        assertThat(waiting.get("draft").isNull()).isTrue();
        Http.Response list = http().get("/api/v1/publications?status=WAITING_FOR_PROFILE&departmentCode=" + code,
                REVIEWER);
        assertThat(json(list).get("items")).singleElement()
                .satisfies(i -> assertThat(i.get("id").stringValue()).isEqualTo(id(code)));
        Http.Response confirm = http().post("/api/v1/publications/" + id(code) + "/confirmation", head(code),
                hashBody("0".repeat(64)));
        assertThat(confirm.status()).isEqualTo(409);

        EVENTS.profile(code, Seed.name(), 0, Seed.profile());

        JsonNode draft = awaitStatus(code, "DRAFT");
        assertThat(draft.get("waitingFor").isNull()).isTrue();
        assertThat(draft.get("basis").get("profileVersion").asLong()).isZero();
    }

    @Test
    void givenANewerProfileThenAnOlderOne_thenTheOlderIsIgnored() {
        String code = newCode();
        EVENTS.registered(code, Seed.name());
        EVENTS.profile(code, Seed.name(), 2, Seed.profile(p -> contact(p, "新联系人")));
        EventProducer.Sent older = EVENTS.profile(code, Seed.name(), 1, Seed.profile(p -> contact(p, "旧联系人")));
        EVENTS.awaitHandled(older.metadata());
        EVENTS.approved(code, 1, submitter(code), APPROVER, Instant.now(), Seed.budget(code));

        JsonNode draft = awaitStatus(code, "DRAFT");

        assertThat(draft.get("basis").get("profileVersion").asLong()).isEqualTo(2);
        String text = draft.get("draft").get("content").get("text").stringValue();
        assertThat(text).contains("新联系人").doesNotContain("旧联系人");

        // and once drafted, an older profile arriving late changes nothing either
        Document before = stored(code);
        EVENTS.awaitHandled(EVENTS.profile(code, Seed.name(), 0, Seed.profile(p -> contact(p, "更旧联系人")))
                .metadata());
        assertThat(stored(code).get("version")).isEqualTo(before.get("version"));
    }

    @Test
    void givenAProfileFixBeforeRelease_thenTheDraftIsRegenerated() {
        String code = newCode();
        String firstHash = seedDraft(code).get("draft").get("contentHash").stringValue();

        EVENTS.profile(code, Seed.name(), 1, Seed.profile(p -> contact(p, "李四")));

        JsonNode regenerated = awaitDisclosure(code, d -> !d.get("draft").get("contentHash").stringValue()
                .equals(firstHash));
        assertThat(regenerated.get("status").stringValue()).isEqualTo("DRAFT");
        assertThat(regenerated.get("draft").get("content").get("contact").get("name").stringValue()).isEqualTo("李四");
        assertThat(regenerated.get("draft").get("kind").stringValue()).isEqualTo("release");
    }

    @Test
    void givenMessagesThatCannotBeProcessed_thenTheyAreParkedAndTheEventsBehindThemStillArrive() {
        String code = newCode();
        String key = BudgetApproved.key(code, YEAR);
        EVENTS.raw(Topics.BUDGET_EVENTS, key, "{ this is not json", EventTypes.BUDGET_APPROVED);
        ObjectNode broken = (ObjectNode) EventJson.MAPPER.valueToTree(EventJson.envelope(EventTypes.BUDGET_APPROVED,
                "budget-service", key, Instant.now(), java.util.Map.of("departmentCode", code, "fiscalYear", YEAR)));
        EVENTS.raw(Topics.BUDGET_EVENTS, key, EventJson.write(broken), EventTypes.BUDGET_APPROVED);
        EVENTS.raw(Topics.BUDGET_EVENTS, key, "{\"id\":\"x\",\"type\":\"budget.submitted.v1\",\"data\":{}}",
                EventTypes.BUDGET_SUBMITTED);

        seedDraft(code); // same key, so same partition: behind the poison

        assertThat(mongo.getCollection("dead_letters").countDocuments(new Document("key", key))).isEqualTo(2);
        Document parked = mongo.getCollection("dead_letters").find(new Document("key", key)
                .append("value", "{ this is not json")).first();
        assertThat(parked).isNotNull();
        assertThat(parked.getString("topic")).isEqualTo(Topics.BUDGET_EVENTS);
        assertThat(parked.getString("type")).isEqualTo(EventTypes.BUDGET_APPROVED);
        assertThat(parked.getString("error")).contains("not an event envelope");
    }

    @Test
    void givenAnApprovalMoreThanTwentyDaysAgo_thenTheDraftIsListedOverdue_andDepartmentStaffSeeOnlyTheirOwn() {
        String late = newCode();
        String onTime = newCode();
        EVENTS.registered(late, Seed.name());
        EVENTS.profile(late, Seed.name(), 0, Seed.profile());
        EVENTS.approved(late, 1, submitter(late), APPROVER, Instant.now().minus(30, ChronoUnit.DAYS),
                Seed.budget(late));
        seedDraft(onTime);
        awaitStatus(late, "DRAFT");

        JsonNode overdue = json(http().get("/api/v1/publications?overdue=true&size=100", PUBLISHER));
        assertThat(overdue.get("items").valueStream().map(i -> i.get("id").stringValue()))
                .contains(id(late)).doesNotContain(id(onTime));
        JsonNode lateItem = overdue.get("items").valueStream()
                .filter(i -> i.get("id").stringValue().equals(id(late))).findFirst().orElseThrow();
        assertThat(lateItem.get("overdue").asBoolean()).isTrue();
        assertThat(lateItem.get("daysLeft").asLong()).isLessThan(0);
        assertThat(json(http().get("/api/v1/publications?overdue=false&size=100", PUBLISHER)).get("items")
                .valueStream().map(i -> i.get("id").stringValue())).contains(id(onTime)).doesNotContain(id(late));

        JsonNode own = json(http().get("/api/v1/publications?size=100", clerk(late)));
        assertThat(own.get("items").valueStream().map(i -> i.get("departmentCode").stringValue()))
                .containsOnly(late);
        assertThat(json(http().get("/api/v1/publications?departmentCode=" + onTime, head(late))).get("total")
                .asLong()).isZero();
        Http.Response foreign = http().get("/api/v1/publications/" + id(onTime), head(late));
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body()).doesNotContain(Seed.name());
        assertThat(http().get("/api/v1/publications/" + id(late), clerk(late)).status()).isEqualTo(200);
    }

    @Test
    void givenBadQueriesOrNoToken_thenProblems() {
        for (String query : new String[]{"status=NOPE", "overdue=maybe", "size=0", "size=1000", "page=-1",
                "fiscalYear=1800", "departmentCode=abc"}) {
            Http.Response r = http().get("/api/v1/publications?" + query, PUBLISHER);
            assertThat(r.status()).as(query + " -> " + r.body()).isEqualTo(400);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(http().get("/api/v1/publications/not-an-id", PUBLISHER).status()).isEqualTo(400);
        assertThat(http().get("/api/v1/publications/999999-2024", PUBLISHER).status()).isEqualTo(404);
        Http.Response anonymous = http().get("/api/v1/publications", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void theOpenApiDescriptionCoversTheStaffAndPublicApi() {
        Http.Response docs = http().get("/api/v1/publications/api-docs", REVIEWER);
        assertThat(docs.status()).as(docs.body()).isEqualTo(200);
        JsonNode paths = json(docs).get("paths");
        assertThat(paths.has("/api/v1/publications/{id}/confirmation")).isTrue();
        assertThat(paths.has("/public/v1/publications/{code}/{fiscalYear}/versions/{n}")).isTrue();
        assertThat(paths.has("/public/v1/releases")).isTrue();
    }

    static void contact(ObjectNode profile, String name) {
        ((ObjectNode) profile.get("disclosureContact")).put("name", name);
    }
}

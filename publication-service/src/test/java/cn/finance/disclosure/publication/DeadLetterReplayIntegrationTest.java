package cn.finance.disclosure.publication;

import cn.finance.disclosure.events.EventEnvelope;
import cn.finance.disclosure.events.EventJson;
import cn.finance.disclosure.events.EventTypes;
import cn.finance.disclosure.events.Topics;
import cn.finance.disclosure.events.budget.BudgetApproved;
import cn.finance.disclosure.testing.Http;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Date;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A parked intake message can be replayed by a bureau administrator, through the same idempotent path a consumed
 * message takes: a parked approval replayed becomes exactly one draft, and replaying it again changes nothing. Each
 * replay is recorded on the letter.
 */
class DeadLetterReplayIntegrationTest extends PublicationIntegrationTest {

    static final String LETTERS = "/api/v1/publications/admin/dead-letters";

    @Autowired
    MongoTemplate mongo;

    /** An approval parked after its retries, as the error handler leaves it (the broker's copy was consumed). */
    String parkApproval(String code) {
        long offset = 1_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        EventEnvelope approval = EventJson.envelope(EventTypes.BUDGET_APPROVED, "budget-service", code + "/" + YEAR,
                Instant.now(), new BudgetApproved("budget-" + code + "-1", code, YEAR, 1, null, submitter(code),
                        APPROVER, Instant.now(), Seed.budget(code)));
        mongo.insert(new Document("_id", Topics.BUDGET_EVENTS + "/0/" + offset)
                .append("topic", Topics.BUDGET_EVENTS).append("partition", 0).append("offset", offset)
                .append("key", BudgetApproved.key(code, YEAR)).append("value", EventJson.write(approval))
                .append("type", EventTypes.BUDGET_APPROVED)
                .append("error", "java.lang.IllegalStateException: disclosure " + code + "-" + YEAR
                        + " kept changing concurrently; the event will be retried")
                .append("parkedAt", new Date()), "dead_letters");
        return Topics.BUDGET_EVENTS + "-0-" + offset;
    }

    long storedVersion(String code) {
        return ((Number) mongo.findById(id(code), Document.class, "publications").get("version")).longValue();
    }

    long disclosuresOf(String code) {
        return mongo.count(Query.query(Criteria.where("departmentCode").is(code)), "publications");
    }

    @Test
    void givenAParkedApproval_whenAnAdminReplaysItTwice_thenExactlyOneDraft_andEachReplayIsRecorded() {
        String code = newCode();
        EVENTS.awaitHandled(EVENTS.registered(code, Seed.name()).metadata());
        EVENTS.awaitHandled(EVENTS.profile(code, Seed.name(), 0, Seed.profile()).metadata());
        String letter = parkApproval(code);
        assertThat(disclosuresOf(code)).isZero();

        Http.Response listed = http().get(LETTERS, ADMIN);
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(listed.body()).contains(letter).contains("kept changing concurrently");

        Http.Response first = http().post(LETTERS + "/" + letter + "/replay", ADMIN, "");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        JsonNode replayed = json(first);
        assertThat(replayed.get("status").stringValue()).isEqualTo("replayed");
        assertThat(replayed.get("replayedBy").stringValue()).isEqualTo("bureau-admin");
        JsonNode draft = awaitStatus(code, "DRAFT");
        long version = storedVersion(code);

        Http.Response second = http().post(LETTERS + "/" + letter + "/replay", ADMIN, "");
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(json(second).get("replays")).hasSize(2);
        assertThat(json(second).get("replays").get(1).get("by").stringValue()).isEqualTo("bureau-admin");
        Http.Response all = http().post(LETTERS + "/replay", ADMIN, "");
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(all.body()).doesNotContain(letter); // already replayed: replay-all leaves it

        assertThat(disclosuresOf(code)).isEqualTo(1);
        JsonNode after = awaitStatus(code, "DRAFT");
        assertThat(storedVersion(code)).as("the second replay wrote nothing").isEqualTo(version);
        assertThat(after.get("draft").get("contentHash")).isEqualTo(draft.get("draft").get("contentHash"));
    }

    @Test
    void givenParkedApprovals_whenAnAdminReplaysAll_thenEachBecomesADraft() {
        String a = newCode();
        String b = newCode();
        for (String code : new String[]{a, b}) {
            EVENTS.awaitHandled(EVENTS.registered(code, Seed.name()).metadata());
            EVENTS.awaitHandled(EVENTS.profile(code, Seed.name(), 0, Seed.profile()).metadata());
        }
        String letterA = parkApproval(a);
        String letterB = parkApproval(b);

        Http.Response all = http().post(LETTERS + "/replay", ADMIN, "");

        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(all.body()).contains(letterA).contains(letterB);
        awaitStatus(a, "DRAFT");
        awaitStatus(b, "DRAFT");
    }

    @Test
    void onlyABureauAdminListsOrReplaysDeadLetters_andAnUnknownLetterIsNotFound() {
        for (String token : new String[]{PUBLISHER, REVIEWER, head("470001"), clerk("470001")}) {
            assertProblem(http().get(LETTERS, token), 403, "forbidden");
            assertProblem(http().post(LETTERS + "/replay", token, ""), 403, "forbidden");
            assertProblem(http().post(LETTERS + "/finance.budget.events-0-1/replay", token, ""), 403, "forbidden");
        }
        assertThat(http().get(LETTERS, null).status()).isEqualTo(401);
        assertProblem(http().post(LETTERS + "/finance.budget.events-0-999999999999/replay", ADMIN, ""), 404,
                "not-found");
        assertProblem(http().post(LETTERS + "/no%20such/replay", ADMIN, ""), 400, null);
    }

    @Test
    void onlyABureauAdminSeesTheEventsThatCouldNotBePublished() {
        Http.Response failures = http().get("/api/v1/publications/admin/outbox-failures", ADMIN);
        assertThat(failures.status()).as(failures.body()).isEqualTo(200);
        assertThat(json(failures).get("items").isArray()).isTrue();
        assertProblem(http().get("/api/v1/publications/admin/outbox-failures", PUBLISHER), 403, "forbidden");
        assertThat(http().get("/api/v1/publications/admin/outbox-failures", null).status()).isEqualTo(401);
    }

    static void assertProblem(Http.Response r, int status, String slug) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        if (slug != null) {
            assertThat(json(r).get("type").stringValue()).isEqualTo("urn:finance:problem:" + slug);
        }
    }
}

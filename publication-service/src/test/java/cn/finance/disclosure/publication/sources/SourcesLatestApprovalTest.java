package cn.finance.disclosure.publication.sources;

import cn.finance.disclosure.events.Actor;
import cn.finance.disclosure.events.budget.BudgetApprovedV2;
import cn.finance.disclosure.stack.EmbeddedInfrastructure;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The latest approved revision comes from a pointer kept with {@code $max} beside the approvals: approvals arriving
 * out of order or twice leave the highest revision; approvals recorded before the pointer existed are still found.
 */
class SourcesLatestApprovalTest {

    static final MongoTemplate MONGO = new MongoTemplate(MongoClients.create(
            EmbeddedInfrastructure.shared().mongoUri("sources-test")), "sources-test");
    static final Actor ACTOR = new Actor("http://issuer", "subject", "user");

    final Sources sources = new Sources(MONGO);
    final String code = String.valueOf(700_000_000L + (UUID.randomUUID().getMostSignificantBits() & 0xffffff));

    static BudgetApprovedV2 approval(String code, int revision) {
        return new BudgetApprovedV2(code + "-2024-r" + revision, code, 2024, revision, null, ACTOR, ACTOR,
                Instant.parse("2024-03-01T02:00:00Z"), null, null);
    }

    @Test
    void givenRevisionsOutOfOrderAndTwice_thenTheLatestIsTheHighest_andThePointerSaysSo() {
        assertThat(sources.recordApproval(approval(code, 2), "e2")).isTrue();
        assertThat(sources.recordApproval(approval(code, 1), "e1")).as("older, arriving late").isTrue();
        assertThat(sources.recordApproval(approval(code, 2), "e2")).as("redelivered").isFalse();

        assertThat(sources.latestApproval(code, 2024)).get().extracting(ApprovedBudget::revision).isEqualTo(2);
        assertThat(MONGO.findById(Sources.latestIdOf(code, 2024), Document.class, Sources.LATEST))
                .extracting(d -> d.get("revision")).isEqualTo(2);
        assertThat(sources.latestApproval(code, 2023)).isEmpty();
    }

    @Test
    void givenAnApprovalRecordedBeforeThePointerExisted_thenItIsStillTheLatest() {
        sources.recordApproval(approval(code, 1), "e1");
        MONGO.remove(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(Sources.latestIdOf(code, 2024))),
                Sources.LATEST);

        assertThat(sources.latestApproval(code, 2024)).get().extracting(ApprovedBudget::revision).isEqualTo(1);
    }
}

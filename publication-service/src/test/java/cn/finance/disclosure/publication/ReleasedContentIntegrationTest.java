package cn.finance.disclosure.publication;

import cn.finance.disclosure.publication.disclosure.ReleasedContentMigration;
import cn.finance.disclosure.publication.document.CanonicalJson;
import cn.finance.disclosure.testing.Http;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Released content lives outside the disclosure, over the whole service: after a release and a correction the
 * disclosure document (what every step loads) holds only the versions' metadata and the pending draft's content; each
 * version's content is stored once under its number and hash and served from there; and a disclosure stored the old
 * way (content inside its versions) is moved out by the start-up migration with every answer unchanged.
 */
class ReleasedContentIntegrationTest extends PublicationIntegrationTest {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ReleasedContentMigration migration;

    Document stored(String code) {
        return mongo.findById(id(code), Document.class, "publications");
    }

    List<Document> contents(String code) {
        return mongo.find(Query.query(Criteria.where("departmentCode").is(code)).with(Sort.by("version")),
                Document.class, "published_contents");
    }

    @Test
    void givenTwoVersionsAndAPendingCorrection_thenTheDisclosureHoldsNoReleasedContent_andEachIsServedFromItsOwn() {
        String code = newCode();
        String v1 = seedReleased(code).get("versions").get(0).get("contentHash").stringValue();
        EVENTS.approved(code, 2, submitter(code), actor("reviewer-2"), Instant.now(), Seed.budget(code, b ->
                b.put("basicExpenditureUse", "基本支出用于保障机构正常运转（更正）。")));
        String v2 = awaitStatus(code, "DRAFT").get("draft").get("contentHash").stringValue();
        assertThat(http().post("/api/v1/publications/" + id(code) + "/confirmation", head(code), hashBody(v2))
                .status()).isEqualTo(200);
        assertThat(http().post("/api/v1/publications/" + id(code) + "/correction", PUBLISHER,
                reasonBody(v2, "基本支出说明有误")).status()).isEqualTo(201);
        EVENTS.approved(code, 3, submitter(code), actor("reviewer-2"), Instant.now(), Seed.budget(code, b ->
                b.put("basicExpenditureUse", "基本支出用于保障机构正常运转（第二次更正）。")));
        String v3 = awaitStatus(code, "DRAFT").get("draft").get("contentHash").stringValue();
        assertThat(http().post("/api/v1/publications/" + id(code) + "/confirmation", head(code), hashBody(v3))
                .status()).isEqualTo(200);

        Document disclosure = stored(code);
        List<Document> versions = disclosure.getList("versions", Document.class);
        assertThat(versions).extracting(v -> v.getString("contentHash")).containsExactly(v1, v2);
        assertThat(versions).as("a step loads the disclosure: no released content in it")
                .allSatisfy(v -> assertThat(v).doesNotContainKey("contentJson"));
        assertThat(disclosure.get("draft", Document.class).getString("contentJson"))
                .as("the draft being worked on keeps its content").isNotBlank();

        List<Document> contents = contents(code);
        assertThat(contents).extracting(c -> c.getString("_id"))
                .containsExactly(code + "-2024-v1-" + v1, code + "-2024-v2-" + v2);
        for (Document c : contents) {
            int number = c.getInteger("version");
            JsonNode served = json(http().get("/public/v1/publications/" + code + "/2024/versions/" + number, null));
            assertThat(CanonicalJson.canonicalize(served.get("content"))).isEqualTo(c.getString("contentJson"));
            assertThat(served.get("contentHash").stringValue()).isEqualTo(c.getString("contentHash"));
        }
    }

    @Test
    void givenTheContentCannotBeStored_whenReleasing_thenNothingIsReleased_andNoEventOrFeedEntryIsRecorded() {
        String code = newCode();
        String hash = seedDraft(code).get("draft").get("contentHash").stringValue();
        assertThat(http().post("/api/v1/publications/" + id(code) + "/confirmation", head(code), hashBody(hash))
                .status()).isEqualTo(200);
        // other bytes already stored under the id this release would store its content under
        mongo.insert(new Document("_id", code + "-2024-v1-" + hash).append("contentHash", hash)
                .append("contentJson", "{}"), "published_contents");

        Http.Response refused = http().post("/api/v1/publications/" + id(code) + "/release", PUBLISHER,
                hashBody(hash));

        assertThat(refused.status()).isEqualTo(500);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        Document disclosure = stored(code);
        assertThat(disclosure.getString("status")).as("the content is stored first: no version without it")
                .isEqualTo("CONFIRMED");
        assertThat(disclosure.getList("versions", Document.class, List.of())).isEmpty();
        assertThat(disclosure.getList("feedPending", Document.class, List.of())).isEmpty();
        assertThat(disclosure.getList("outbox", Document.class, List.of())).isEmpty();
        assertThat(http().get("/public/v1/publications/" + code + "/2024", null).status()).isEqualTo(404);
    }

    @Test
    void givenADisclosureStoredWithContentInItsVersion_whenTheMigrationRuns_thenItIsMovedOut_andServedTheSame() {
        String code = newCode();
        seedReleased(code);
        Http.Response before = http().get("/public/v1/publications/" + code + "/2024", null);
        assertThat(before.status()).isEqualTo(200);
        Document content = contents(code).getFirst();
        long version = stored(code).getLong("version");
        // back to how a release was stored before the content store: the content inside the version, nowhere else
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id(code))),
                new Update().set("versions.0.contentJson", content.getString("contentJson")), "publications");
        mongo.remove(Query.query(Criteria.where("_id").is(content.getString("_id"))), "published_contents");

        assertThat(migration.migrate()).isPositive();

        Document disclosure = stored(code);
        assertThat(disclosure.getList("versions", Document.class).getFirst()).doesNotContainKey("contentJson");
        assertThat(disclosure.getLong("version")).isEqualTo(version);
        Document moved = contents(code).getFirst();
        assertThat(moved.getString("_id")).isEqualTo(content.getString("_id"));
        assertThat(moved.getString("contentJson")).isEqualTo(content.getString("contentJson"));
        Http.Response after = http().get("/public/v1/publications/" + code + "/2024", null);
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.body()).isEqualTo(before.body());
        assertThat(after.header("ETag")).isEqualTo(before.header("ETag"));
    }
}

package cn.finance.disclosure.publication.disclosure;

import cn.finance.disclosure.stack.EmbeddedInfrastructure;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Transient;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Released content kept out of the disclosure: the disclosure holds no released content (only the draft's), the
 * content store is immutable and checks hashes, a leftover of a lost release is never served, and disclosures stored
 * with content inside their versions are moved out once, idempotently. On the MongoDB-wire server.
 */
class ReleasedContentsTest {

    static final MongoClient CLIENT = MongoClients.create(EmbeddedInfrastructure.shared().mongoUri("released-contents"));
    static final MongoTemplate MONGO = new MongoTemplate(CLIENT, "released-contents");
    static final Instant STORED = Instant.parse("2024-03-01T02:00:00Z");

    final ReleasedContents contents = new ReleasedContents(MONGO, Clock.fixed(STORED, ZoneOffset.UTC));
    final DisclosureProjections disclosures = new DisclosureProjections(MONGO, contents);

    /** What the release step does: the released version's content under its number and hash. */
    static void store(ReleasedContents contents, Disclosure d, PublishedVersion v, String json) {
        contents.store(d.departmentCode(), d.fiscalYear(), v.number(), v.contentHash(), json);
    }

    static final GeneratedContent A = content("{\"text\":\"第一版：一般公共预算拨款收入2766200.00元。\"}");
    static final GeneratedContent B = content("{\"text\":\"第二版（更正）：“项目支出”说明有误。\"}");

    static GeneratedContent content(String canonicalJson) {
        return new GeneratedContent(canonicalJson, sha256(canonicalJson), List.of());
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void close() {
        CLIENT.close();
    }

    @BeforeEach
    void empty() {
        MONGO.remove(new Query(), ReleasedContents.COLLECTION);
        MONGO.remove(new Query(), DisclosureProjections.COLLECTION);
    }

    static List<Document> stored() {
        return MONGO.findAll(Document.class, ReleasedContents.COLLECTION);
    }

    @Test
    void theDisclosureHoldsNoReleasedContent_onlyTheDraftsContent() {
        List<String> paths = new ArrayList<>();
        persistentPaths(Disclosure.class, "", paths);

        assertThat(paths).contains("versions.contentHash", "draft.contentJson");
        assertThat(paths.stream().filter(p -> p.endsWith("contentJson")))
                .as("every step loads the whole disclosure: released content must not be part of it")
                .containsExactly("draft.contentJson");
    }

    @Test
    void givenAReleasedVersion_thenItsContentIsStoredUnderItsNumberAndHash_andReadBackExactly() {
        Disclosure d = DisclosureTest.released(A);
        PublishedVersion v1 = d.current().orElseThrow();

        store(contents, d, v1, A.json());

        Document doc = stored().getFirst();
        assertThat(doc.getString("_id")).isEqualTo("405001-2024-v1-" + A.hash());
        assertThat(doc.getString("departmentCode")).isEqualTo("405001");
        assertThat(doc.getInteger("fiscalYear")).isEqualTo(2024);
        assertThat(doc.getInteger("version")).isEqualTo(1);
        assertThat(doc.getString("contentHash")).isEqualTo(A.hash());
        assertThat(doc.getDate("storedAt").toInstant()).isEqualTo(STORED);
        assertThat(disclosures.releasedContent(d, v1)).isEqualTo(A.json());
    }

    @Test
    void givenTheSameContentStoredAgain_thenNothingChanges() {
        Disclosure d = DisclosureTest.released(A);
        PublishedVersion v1 = d.current().orElseThrow();
        store(contents, d, v1, A.json());
        List<Document> first = stored();

        store(new ReleasedContents(MONGO, Clock.fixed(STORED.plusSeconds(60), ZoneOffset.UTC)), d, v1, A.json());

        assertThat(stored()).isEqualTo(first);
    }

    @Test
    void givenContentThatDoesNotHashToTheVersionsHash_thenItIsRefused_andNothingIsStored() {
        assertThatThrownBy(() -> contents.store("405001", 2024, 1, A.hash(), B.json()))
                .isInstanceOf(ReleasedContents.ContentRefused.class);
        assertThatThrownBy(() -> contents.store("405001", 2024, 1, A.hash(), A.json() + " "))
                .as("only the canonical text is the hashed bytes").isInstanceOf(ReleasedContents.ContentRefused.class);

        assertThat(stored()).isEmpty();
    }

    @Test
    void givenOtherContentStoredUnderAnId_thenStoringTheRightOneIsRefused_andReadingItIsRefused() {
        Disclosure d = DisclosureTest.released(A);
        PublishedVersion v1 = d.current().orElseThrow();
        String id = ReleasedContents.idOf("405001", 2024, 1, A.hash());
        MONGO.insert(new Document("_id", id).append("contentHash", A.hash()).append("contentJson", B.json()),
                ReleasedContents.COLLECTION);

        assertThatThrownBy(() -> store(contents, d, v1, A.json())).isInstanceOf(ReleasedContents.ContentRefused.class)
                .hasMessageContaining("never replaced");
        assertThat(MONGO.findById(id, Document.class, ReleasedContents.COLLECTION).getString("contentJson"))
                .isEqualTo(B.json());
        assertThatThrownBy(() -> disclosures.releasedContent(d, v1)).isInstanceOf(ReleasedContents.ContentRefused.class)
                .hasMessageContaining("does not hash");
    }

    @Test
    void givenTheContentOfALostReleaseOfTheSameNumber_thenOnlyTheReferencedContentIsServed() {
        // a release of B as version 1 stored its content, then lost its disclosure write
        contents.store("405001", 2024, 1, B.hash(), B.json());
        Disclosure d = DisclosureTest.released(A);
        PublishedVersion v1 = d.current().orElseThrow();

        store(contents, d, v1, A.json());

        assertThat(disclosures.releasedContent(d, v1)).isEqualTo(A.json());
        PublishedVersion notReferenced = new PublishedVersion(1, B.hash(), v1.status(), v1.basis(), false, null,
                null, null, v1.confirmed(), v1.released(), v1.releasedAt(), null, null);
        assertThatThrownBy(() -> disclosures.releasedContent(d, notReferenced)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenAVersionWhoseContentIsMissing_thenReadingItIsRefused() {
        Disclosure d = DisclosureTest.released(A);

        assertThatThrownBy(() -> disclosures.releasedContent(d, d.current().orElseThrow()))
                .isInstanceOf(ReleasedContents.ContentRefused.class).hasMessageContaining("missing");
    }

    /** A disclosure as stored before the content store: two versions, each with its contentJson, and a draft. */
    static Document storedWithContentInside() {
        Document v1 = new Document("number", 1).append("contentJson", A.json()).append("contentHash", A.hash())
                .append("status", "SUPERSEDED").append("correction", false).append("supersededBy", 2);
        Document v2 = new Document("number", 2).append("contentJson", B.json()).append("contentHash", B.hash())
                .append("status", "CURRENT").append("correction", true).append("reason", "更正")
                .append("supersedes", 1);
        return new Document("_id", "405001-2024").append("departmentCode", "405001").append("fiscalYear", 2024)
                .append("status", "RELEASED").append("versions", List.of(v1, v2)).append("currentVersion", 2)
                .append("draft", new Document("contentJson", A.json()).append("contentHash", A.hash()))
                .append("version", 7L).append("outbox", List.of());
    }

    @Test
    void givenADisclosureStoredWithContentInItsVersions_whenMigrated_thenTheContentIsMovedOut_once() {
        MONGO.insert(storedWithContentInside(), DisclosureProjections.COLLECTION);
        ReleasedContentMigration migration = new ReleasedContentMigration(MONGO, contents);

        assertThat(migration.migrate()).isOne();

        Document d = MONGO.findById("405001-2024", Document.class, DisclosureProjections.COLLECTION);
        List<Document> versions = d.getList("versions", Document.class);
        assertThat(versions).allSatisfy(v -> assertThat(v).doesNotContainKey("contentJson"));
        assertThat(versions).extracting(v -> v.getString("contentHash")).containsExactly(A.hash(), B.hash());
        assertThat(versions.get(1).getString("reason")).isEqualTo("更正");
        assertThat(d.getLong("version")).as("the state did not change, so neither does its version").isEqualTo(7L);
        assertThat(d.get("draft", Document.class).getString("contentJson")).as("the draft keeps its content")
                .isEqualTo(A.json());
        assertThat(stored()).extracting(c -> c.getString("_id"))
                .containsExactlyInAnyOrder("405001-2024-v1-" + A.hash(), "405001-2024-v2-" + B.hash());
        List<Document> moved = stored();

        assertThat(migration.migrate()).as("a second run finds nothing to move").isZero();
        assertThat(stored()).isEqualTo(moved);
        assertThat(MONGO.findById("405001-2024", Document.class, DisclosureProjections.COLLECTION)).isEqualTo(d);
    }

    @Test
    void givenMigratedContent_thenTheDisclosureReadsIt() {
        MONGO.insert(storedWithContentInside(), DisclosureProjections.COLLECTION);
        new ReleasedContentMigration(MONGO, contents).migrate();

        Disclosure d = disclosures.published("405001", 2024).orElseThrow();

        assertThat(disclosures.releasedContent(d, d.version(1).orElseThrow())).isEqualTo(A.json());
        assertThat(disclosures.releasedContent(d, d.current().orElseThrow())).isEqualTo(B.json());
    }

    @Test
    void givenLegacyContentThatDoesNotHashToItsVersionsHash_thenTheMigrationStops_andTheDisclosureKeepsIt() {
        Document broken = storedWithContentInside();
        broken.getList("versions", Document.class).getFirst().put("contentJson", B.json());
        MONGO.insert(broken, DisclosureProjections.COLLECTION);

        assertThatThrownBy(() -> new ReleasedContentMigration(MONGO, contents).migrate())
                .isInstanceOf(ReleasedContents.ContentRefused.class);

        Document d = MONGO.findById("405001-2024", Document.class, DisclosureProjections.COLLECTION);
        assertThat(d.getList("versions", Document.class).getFirst().getString("contentJson")).isEqualTo(B.json());
    }

    @Test
    void givenAStepWhileMigrating_thenTheMigrationReadsAgain_andKeepsTheStepsChange() {
        MONGO.insert(storedWithContentInside(), DisclosureProjections.COLLECTION);
        ReleasedContents withAStepMeanwhile = new ReleasedContents(MONGO, Clock.systemUTC()) {
            boolean stepped;

            @Override
            void store(String departmentCode, int fiscalYear, int number, String contentHash, String contentJson) {
                super.store(departmentCode, fiscalYear, number, contentHash, contentJson);
                if (!stepped) {
                    stepped = true; // a withdrawal written (as an old instance would) while the content is moved
                    MONGO.updateFirst(Query.query(Criteria.where("_id").is("405001-2024")),
                            new Update().set("versions.1.status", "WITHDRAWN").inc("version", 1L),
                            DisclosureProjections.COLLECTION);
                }
            }
        };

        assertThat(new ReleasedContentMigration(MONGO, withAStepMeanwhile).migrate()).isOne();

        Document d = MONGO.findById("405001-2024", Document.class, DisclosureProjections.COLLECTION);
        assertThat(d.getLong("version")).isEqualTo(8L);
        List<Document> versions = d.getList("versions", Document.class);
        assertThat(versions.get(1).getString("status")).isEqualTo("WITHDRAWN");
        assertThat(versions).allSatisfy(v -> assertThat(v).doesNotContainKey("contentJson"));
    }

    /** The stored paths of a mapped class: its non-static, non-transient fields, into this project's own types. */
    private static void persistentPaths(Class<?> type, String prefix, List<String> paths) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || Modifier.isTransient(f.getModifiers())
                        || f.isAnnotationPresent(Transient.class)) {
                    continue;
                }
                String path = prefix + f.getName();
                paths.add(path);
                Class<?> element = elementType(f.getGenericType());
                if (element.getName().startsWith("cn.finance.disclosure.") && !element.isEnum()) {
                    persistentPaths(element, path + ".", paths);
                }
            }
        }
    }

    private static Class<?> elementType(Type type) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length == 1
                && p.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return type instanceof Class<?> c ? c : Object.class;
    }
}

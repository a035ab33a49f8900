package cn.finance.disclosure.publication.feed;

import cn.finance.disclosure.publication.disclosure.DisclosureProjections;
import cn.finance.disclosure.publication.disclosure.ReleasedContents;
import cn.finance.disclosure.publication.document.CanonicalJson;
import cn.finance.disclosure.stack.EmbeddedInfrastructure;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The release feed's chain under concurrency, on the MongoDB-wire server (no transactions): many appenders at once
 * give one gapless chain with every item exactly once, and an appender stopped between its two writes leaves nothing
 * broken.
 */
class ReleaseFeedConcurrencyTest {

    static final MongoClient CLIENT = MongoClients.create(EmbeddedInfrastructure.shared().mongoUri("feed-concurrency"));
    static final MongoTemplate MONGO = new MongoTemplate(CLIENT, "feed-concurrency");

    final ReleaseFeed feed = new ReleaseFeed(MONGO,
            new DisclosureProjections(MONGO, new ReleasedContents(MONGO, Clock.systemUTC())));

    @AfterAll
    static void close() {
        CLIENT.close();
    }

    @BeforeEach
    void emptyFeed() {
        for (String collection : List.of(ReleaseFeed.HEAD, ReleaseFeed.ENTRIES, ReleaseFeed.DISCLOSURES)) {
            MONGO.remove(new Query(), collection);
        }
    }

    static FeedItem item(String sourceId, int version) {
        return new FeedItem(sourceId, FeedItem.RELEASED, "405001", "单位", 2024, version, "a".repeat(64), null, null,
                Instant.parse("2024-03-01T02:00:00.123Z"));
    }

    /** Checks the chain exactly as a portal would, from the feed entries alone. */
    List<ObjectNode> verifiedFeed() {
        List<ObjectNode> entries = feed.read(0, 10_000).entries();
        String previous = null;
        long sequence = 0;
        for (ObjectNode entry : entries) {
            assertThat(entry.get("sequence").asLong()).isEqualTo(++sequence);
            assertThat(entry.get("previousEntryHash").isNull() ? null : entry.get("previousEntryHash").stringValue())
                    .isEqualTo(previous);
            ObjectNode unsealed = entry.deepCopy();
            unsealed.remove("entryHash");
            String recomputed = sha256(CanonicalJson.canonicalize(unsealed));
            assertThat(entry.get("entryHash").stringValue()).isEqualTo(recomputed);
            previous = recomputed;
        }
        return entries;
    }

    @Test
    void givenManyAppendersAtOnce_thenOneGaplessChainWithEveryItemOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Boolean>> tasks = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            FeedItem item = item("event-" + i, i + 1);
            tasks.add(() -> feed.append(item));
        }
        List<Boolean> appended = new ArrayList<>();
        for (Future<Boolean> f : pool.invokeAll(tasks)) {
            appended.add(f.get());
        }
        pool.shutdown();

        assertThat(appended).containsOnly(true);
        List<ObjectNode> entries = verifiedFeed();
        assertThat(entries).hasSize(64);
        assertThat(entries.stream().map(e -> e.get("eventId").stringValue()).distinct()).hasSize(64);
    }

    @Test
    void givenTheSameItemFromSeveralAppenders_thenItIsInTheFeedOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        FeedItem item = item("event-" + UUID.randomUUID(), 1);
        List<Callable<Boolean>> tasks = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            tasks.add(() -> feed.append(item));
        }
        long appended = 0;
        for (Future<Boolean> f : pool.invokeAll(tasks)) {
            appended += f.get() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(appended).isOne();
        assertThat(verifiedFeed()).hasSize(1);
    }

    @Test
    void givenAnAppenderStoppedAfterMovingTheHead_thenTheNextAppendStoresItsEntryFirst_andNothingIsDuplicated() {
        feed.append(item("first", 1));
        feed.append(item("second", 2));
        // the crash: the head announces entry 2, but entry 2 itself never reached the entries collection
        MONGO.remove(Query.query(Criteria.where("_id").is(2L)), ReleaseFeed.ENTRIES);
        assertThat(feed.read(0, 10).entries()).hasSize(1);

        assertThat(feed.append(item("second", 2))).isFalse(); // the retry of the interrupted append
        feed.append(item("third", 3));

        assertThat(verifiedFeed()).extracting(e -> e.get("eventId").stringValue())
                .containsExactly("first", "second", "third");
    }

    @Test
    void givenPendingItemsInADisclosure_thenTheyAreAppendedInOrderAndRemoved_andAgainChangesNothing() {
        List<Document> pending = new ArrayList<>();
        for (String id : List.of("a", "b", "c")) {
            Document d = new Document();
            MONGO.getConverter().write(item(id, pending.size() + 1), d);
            pending.add(d);
        }
        MONGO.insert(new Document("_id", "405001-2024").append("feedPending", pending), ReleaseFeed.DISCLOSURES);

        assertThat(feed.drainOnce()).isEqualTo(3);
        assertThat(feed.drainOnce()).isZero();
        assertThat(feed.appendPendingOf("405001-2024")).isZero();

        assertThat(verifiedFeed()).extracting(e -> e.get("eventId").stringValue()).containsExactly("a", "b", "c");
        assertThat(MONGO.findById("405001-2024", Document.class, ReleaseFeed.DISCLOSURES)
                .getList("feedPending", Document.class)).isEmpty();
        ReleaseFeed.Page page = feed.read(1, 1);
        assertThat(page.entries()).singleElement().satisfies(e -> assertThat(e.get("sequence").asLong()).isEqualTo(2));
        assertThat(page.next()).isEqualTo("2");
        assertThat(page.hasMore()).isTrue();
        assertThat(feed.read(3, 10).next()).isEqualTo("3");
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

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

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two publication-service replicas appending to one feed (each its own MongoDB client, as two processes would have):
 * both drain the same disclosures' pending items and append releases of their own at the same time, and the feed is
 * still one verified chain with every item exactly once and each disclosure's items in their order. What makes one
 * writer at a time is the head write conditional on the sequence it read.
 */
class ReleaseFeedReplicasTest {

    static final String DATABASE = "feed-replicas";
    static final MongoClient CLIENT_A = MongoClients.create(EmbeddedInfrastructure.shared().mongoUri(DATABASE));
    static final MongoClient CLIENT_B = MongoClients.create(EmbeddedInfrastructure.shared().mongoUri(DATABASE));
    static final MongoTemplate MONGO_A = new MongoTemplate(CLIENT_A, DATABASE);
    static final MongoTemplate MONGO_B = new MongoTemplate(CLIENT_B, DATABASE);

    final ReleaseFeed replicaA = new ReleaseFeed(MONGO_A,
            new DisclosureProjections(MONGO_A, new ReleasedContents(MONGO_A, Clock.systemUTC())));
    final ReleaseFeed replicaB = new ReleaseFeed(MONGO_B,
            new DisclosureProjections(MONGO_B, new ReleasedContents(MONGO_B, Clock.systemUTC())));

    @AfterAll
    static void close() {
        CLIENT_A.close();
        CLIENT_B.close();
    }

    @BeforeEach
    void emptyFeed() {
        for (String collection : List.of(ReleaseFeed.HEAD, ReleaseFeed.ENTRIES, ReleaseFeed.DISCLOSURES)) {
            MONGO_A.remove(new Query(), collection);
        }
    }

    @Test
    void givenTwoReplicasDrainingAndAppendingAtOnce_thenOneVerifiedChainWithEveryItemOnceInOrder() throws Exception {
        int disclosures = 12;
        int itemsEach = 3;
        for (int d = 0; d < disclosures; d++) {
            List<Document> pending = new ArrayList<>();
            for (int v = 1; v <= itemsEach; v++) {
                Document item = new Document();
                MONGO_A.getConverter().write(ReleaseFeedConcurrencyTest.item("d" + d + "-v" + v, v), item);
                pending.add(item);
            }
            MONGO_A.insert(new Document("_id", "4050" + (10 + d) + "-2024").append("feedPending", pending),
                    ReleaseFeed.DISCLOSURES);
        }
        int ownEach = 15;
        CyclicBarrier together = new CyclicBarrier(2);
        List<Callable<Integer>> replicas = new ArrayList<>();
        for (ReleaseFeed replica : List.of(replicaA, replicaB)) {
            String name = replica == replicaA ? "a" : "b";
            replicas.add(() -> {
                together.await();
                int appended = 0;
                for (int i = 0; i < ownEach; i++) {
                    // a step's own release, and now and then the drainer's pass over what steps left pending
                    appended += replica.append(ReleaseFeedConcurrencyTest.item("own-" + name + "-" + i, 1)) ? 1 : 0;
                    if (i % 5 == 0) {
                        appended += replica.drainOnce();
                    }
                }
                return appended + replica.drainOnce();
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        int appended = 0;
        for (Future<Integer> f : pool.invokeAll(replicas)) {
            appended += f.get();
        }
        pool.shutdown();

        int expected = disclosures * itemsEach + 2 * ownEach;
        List<ObjectNode> chain = verifiedFeed();
        assertThat(chain).as("verified chain length").hasSize(expected);
        assertThat(appended).as("appends counted by both replicas").isEqualTo(expected);
        List<String> ids = chain.stream().map(e -> e.get("eventId").stringValue()).toList();
        assertThat(ids).as("each item once").doesNotHaveDuplicates();
        for (int d = 0; d < disclosures; d++) {
            String prefix = "d" + d + "-v";
            assertThat(ids.stream().filter(id -> id.startsWith(prefix)).toList()).as("disclosure %d order", d)
                    .containsExactly(prefix + 1, prefix + 2, prefix + 3);
        }
        assertThat(MONGO_A.count(Query.query(Criteria.where("feedPending.sourceId").exists(true)),
                ReleaseFeed.DISCLOSURES)).isZero();
    }

    /** Checks the chain as a portal would, from the entries alone: sequence, links and every entry's hash. */
    List<ObjectNode> verifiedFeed() {
        List<ObjectNode> entries = replicaB.read(0, 10_000).entries();
        String previous = null;
        long sequence = 0;
        for (ObjectNode entry : entries) {
            assertThat(entry.get("sequence").asLong()).as("sequence").isEqualTo(++sequence);
            assertThat(entry.get("previousEntryHash").isNull() ? null : entry.get("previousEntryHash").stringValue())
                    .as("link of entry %d", sequence).isEqualTo(previous);
            ObjectNode unsealed = entry.deepCopy();
            unsealed.remove("entryHash");
            String recomputed = ReleaseFeedConcurrencyTest.sha256(CanonicalJson.canonicalize(unsealed));
            assertThat(entry.get("entryHash").stringValue()).as("hash of entry %d", sequence).isEqualTo(recomputed);
            previous = recomputed;
        }
        return entries;
    }
}

package cn.finance.disclosure.publication.feed;

import cn.finance.disclosure.events.EventJson;
import cn.finance.disclosure.publication.disclosure.DisclosureProjections;
import com.mongodb.client.result.UpdateResult;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The public, hash-chained feed of releases, corrections and withdrawals. Appending is safe under any concurrency
 * without transactions: one head document holds the last sequence and entry hash, and an append is a write to the head
 * conditional on the sequence it read (the loser re-reads and retries). The head also keeps the entry it just
 * announced, so an append interrupted before the entry itself is stored is finished by the next append, and the feed
 * never has a gap or a fork. Each item is appended once: its source id (the step's event id) is looked up first,
 * after any unfinished entry has been stored.
 */
@Service
public class ReleaseFeed {

    static final String HEAD = "feed_head";
    static final String ENTRIES = "feed_entries";
    static final String HEAD_ID = "releases";
    static final String DISCLOSURES = "publications";
    private static final int ATTEMPTS = 200;

    private final MongoTemplate mongo;
    private final DisclosureProjections disclosures;

    public ReleaseFeed(MongoTemplate mongo, DisclosureProjections disclosures) {
        this.mongo = mongo;
        this.disclosures = disclosures;
    }

    public record Page(List<ObjectNode> entries, String next, boolean hasMore) {
    }

    /** Entries after {@code after} (a sequence number; 0 for the start), in order, each with its entryHash. */
    public Page read(long after, int limit) {
        Query query = Query.query(Criteria.where("_id").gt(after)).with(Sort.by("_id")).limit(limit + 1);
        List<Document> found = mongo.find(query, Document.class, ENTRIES);
        boolean hasMore = found.size() > limit;
        List<ObjectNode> entries = new ArrayList<>();
        long last = after;
        for (Document d : found.subList(0, Math.min(limit, found.size()))) {
            ObjectNode entry = (ObjectNode) EventJson.MAPPER.readTree(d.getString("json"));
            entry.put(FeedEntries.ENTRY_HASH, d.getString("entryHash"));
            entries.add(entry);
            last = ((Number) d.get("_id")).longValue();
        }
        return new Page(entries, Long.toString(last), hasMore);
    }

    /**
     * Appends the items a disclosure's steps left pending, in their order, then removes each from the disclosure.
     * Stops at the first failure, so a later item never overtakes an earlier one.
     *
     * @return how many items were appended (not counting ones found already in the feed)
     */
    public int appendPendingOf(String disclosureId) {
        int appended = 0;
        for (FeedItem item : disclosures.pendingFeedItems(disclosureId)) {
            if (append(item)) {
                appended++;
            }
            disclosures.feedItemAppended(disclosureId, item.sourceId());
        }
        return appended;
    }

    /** One pass over every disclosure with pending feed items (what a crash or a failed append left behind). */
    public int drainOnce() {
        int appended = 0;
        for (String disclosureId : disclosures.withPendingFeedItems(200)) {
            appended += appendPendingOf(disclosureId);
        }
        return appended;
    }

    /** @return true if appended now, false if the feed already had it */
    public boolean append(FeedItem item) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Document head = head();
            finishAnnounced(head);
            if (mongo.exists(Query.query(Criteria.where("sourceId").is(item.sourceId())), ENTRIES)) {
                return false;
            }
            long sequence = ((Number) head.get("sequence")).longValue();
            String previous = head.getString("entryHash");
            ObjectNode entry = FeedEntries.unsealed(item, sequence + 1, previous);
            Document record = new Document("_id", sequence + 1)
                    .append("sourceId", item.sourceId())
                    .append("json", FeedEntries.canonical(entry))
                    .append("entryHash", FeedEntries.entryHash(entry));
            UpdateResult moved = mongo.updateFirst(
                    Query.query(Criteria.where("_id").is(HEAD_ID).and("sequence").is(sequence)),
                    new Update().set("sequence", sequence + 1).set("entryHash", record.getString("entryHash"))
                            .set("announced", record),
                    HEAD);
            if (moved.getMatchedCount() == 1) {
                store(record);
                return true;
            }
            pause(attempt);
        }
        throw new IllegalStateException("could not append to the release feed after " + ATTEMPTS + " attempts");
    }

    private Document head() {
        Document head = mongo.findById(HEAD_ID, Document.class, HEAD);
        if (head != null) {
            return head;
        }
        try {
            mongo.insert(new Document("_id", HEAD_ID).append("sequence", 0L).append("entryHash", null)
                    .append("announced", null), HEAD);
        } catch (DuplicateKeyException createdConcurrently) {
            // fine: someone else started the feed
        }
        return mongo.findById(HEAD_ID, Document.class, HEAD);
    }

    /** The head names an entry that may not be stored yet (its appender stopped between the two writes). */
    private void finishAnnounced(Document head) {
        Document announced = head.get("announced", Document.class);
        if (announced != null && !mongo.exists(Query.query(Criteria.where("_id").is(announced.get("_id"))), ENTRIES)) {
            store(announced);
        }
    }

    private void store(Document record) {
        try {
            mongo.insert(new Document(record), ENTRIES);
        } catch (DuplicateKeyException storedConcurrently) {
            // the same entry (same sequence, same bytes) was stored by another appender finishing it
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, Math.min(50, 2L + attempt)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while appending to the release feed", e);
        }
    }
}

package cn.finance.disclosure.publication.disclosure;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Moves the content of released versions out of disclosures stored before {@link ReleasedContents} existed (each
 * version held its {@code contentJson}): each version's content is stored first, then removed from the disclosure.
 *
 * <p>It runs at every start, once the beans are ready and before the web server and the listeners start, because a
 * step on a disclosure still holding content would write it back without that content. It is idempotent: storing the
 * same content again is a no-op, and a disclosure holding no content is left alone. The removal is conditional on the
 * disclosure's version and leaves that version as it is (the disclosure's state does not change, so editors' ETags stay
 * valid), like the relay's outbox pull; a disclosure changed meanwhile is read again. On MongoDB the scan for old
 * disclosures reads the collection once per start (no index can hold the content it looks for); after the first start
 * it finds nothing. Old and new instances must not run side by side: an old one would write content back.
 */
@Component
public class ReleasedContentMigration implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ReleasedContentMigration.class);
    private static final String VERSIONS = "versions";
    private static final String LEGACY_CONTENT = VERSIONS + "." + ReleasedContents.CONTENT_JSON;
    private static final int ATTEMPTS = 10;

    private final MongoTemplate mongo;
    private final ReleasedContents contents;

    ReleasedContentMigration(MongoTemplate mongo, ReleasedContents contents) {
        this.mongo = mongo;
        this.contents = contents;
    }

    @Override
    public void afterSingletonsInstantiated() {
        int moved = migrate();
        if (moved > 0) {
            log.info("moved the released content of {} disclosure(s) to {}", moved, ReleasedContents.COLLECTION);
        }
    }

    /** @return how many disclosures had content moved out */
    public int migrate() {
        Query old = Query.query(Criteria.where(LEGACY_CONTENT).exists(true));
        old.fields().include("_id");
        int moved = 0;
        for (Document d : mongo.find(old, Document.class, DisclosureProjections.COLLECTION)) {
            if (migrate(d.getString("_id"))) {
                moved++;
            }
        }
        return moved;
    }

    private boolean migrate(String id) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Query byId = Query.query(Criteria.where("_id").is(id));
            byId.fields().include("departmentCode", "fiscalYear", VERSIONS, "version");
            Document disclosure = mongo.findOne(byId, Document.class, DisclosureProjections.COLLECTION);
            if (disclosure == null) {
                return false;
            }
            List<Document> versions = disclosure.getList(VERSIONS, Document.class, List.of());
            if (versions.stream().noneMatch(v -> v.containsKey(ReleasedContents.CONTENT_JSON))) {
                return false;
            }
            List<Document> metadata = new ArrayList<>();
            for (Document v : versions) {
                String json = v.getString(ReleasedContents.CONTENT_JSON);
                if (json != null) {
                    // refuses content that does not hash to what the version says: start-up fails, nothing is lost
                    contents.store(disclosure.getString("departmentCode"), disclosure.getInteger("fiscalYear"),
                            v.getInteger("number"), v.getString(ReleasedContents.CONTENT_HASH), json);
                }
                Document kept = new Document(v);
                kept.remove(ReleasedContents.CONTENT_JSON);
                metadata.add(kept);
            }
            Object version = disclosure.get("version");
            Criteria unchanged = Criteria.where("_id").is(id).and("version").is(version);
            if (mongo.updateFirst(Query.query(unchanged), new Update().set(VERSIONS, metadata),
                    DisclosureProjections.COLLECTION).getMatchedCount() == 1) {
                return true;
            }
            log.debug("disclosure {} changed while its content was moved, attempt {}", id, attempt);
        }
        throw new IllegalStateException("disclosure " + id + " kept changing while its released content was moved");
    }
}

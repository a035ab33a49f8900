package cn.finance.disclosure.publication.disclosure;

import cn.finance.disclosure.publication.feed.FeedItem;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What other packages may read of the stored disclosures, and how: the public catalog's list of released ones, their
 * released versions with their content, the open data's current versions and the release feed's pending items. The
 * stored field names stay here, beside {@link Disclosure}, so a change of the document's shape is a change of this
 * package alone.
 */
@Component
public class DisclosureProjections {

    static final String COLLECTION = "publications";

    private final MongoTemplate mongo;
    private final ReleasedContents contents;

    public DisclosureProjections(MongoTemplate mongo, ReleasedContents contents) {
        this.mongo = mongo;
        this.contents = contents;
    }

    /** A disclosure's current version as the public list shows it. */
    public record Released(String departmentCode, String departmentName, int fiscalYear, int currentVersion,
                           Instant releasedAt, String contentHash) {
    }

    public record ReleasedPage(List<Released> items, long total) {
    }

    /**
     * The disclosures with a current version, newest year first then by department code; {@code text} matches part of
     * the department's name or the start of its code.
     */
    public ReleasedPage released(Integer fiscalYear, String text, int page, int size) {
        List<Criteria> filters = new ArrayList<>();
        filters.add(Criteria.where("currentVersion").ne(null));
        if (fiscalYear != null) {
            filters.add(Criteria.where("fiscalYear").is(fiscalYear));
        }
        if (text != null && !text.isBlank()) {
            String t = text.strip();
            filters.add(new Criteria().orOperator(
                    Criteria.where("departmentName").regex(Pattern.compile(Pattern.quote(t))),
                    Criteria.where("departmentCode").regex(Pattern.compile("^" + Pattern.quote(t)))));
        }
        Query query = new Query(new Criteria().andOperator(filters));
        long total = mongo.count(query, COLLECTION);
        query.with(Sort.by(Sort.Order.desc("fiscalYear"), Sort.Order.asc("departmentCode")))
                .skip((long) page * size).limit(size);
        query.fields().include("departmentCode", "departmentName", "fiscalYear", "currentVersion",
                "currentContentHash", "currentReleasedAt");
        List<Released> items = mongo.find(query, Document.class, COLLECTION).stream()
                .map(DisclosureProjections::released).toList();
        return new ReleasedPage(items, total);
    }

    /**
     * A disclosure with at least one released version (drafts are never public): its released versions' metadata,
     * without the draft and the pending events, which are not public (the content is read from
     * {@link ReleasedContents}).
     */
    public Optional<Disclosure> published(String departmentCode, int fiscalYear) {
        Query query = Query.query(Criteria.where("_id").is(Disclosure.idOf(departmentCode, fiscalYear))
                .and("versions.0").exists(true));
        withoutWork(query);
        return Optional.ofNullable(mongo.findOne(query, Disclosure.class));
    }

    /**
     * The content of a version the disclosure holds as released (canonical JSON, exactly what its hash is computed
     * over), read from {@link ReleasedContents} under that version's number and hash and checked against the hash.
     *
     * @throws IllegalArgumentException when {@code version} is not one of the disclosure's released versions
     * @throws ReleasedContents.ContentRefused when the stored content is missing or does not hash to the version's hash
     */
    public String releasedContent(Disclosure disclosure, PublishedVersion version) {
        boolean referenced = disclosure.version(version.number())
                .filter(held -> held.contentHash().equals(version.contentHash())).isPresent();
        if (!referenced) {
            throw new IllegalArgumentException("version " + version.number() + " with hash " + version.contentHash()
                    + " is not a released version of " + disclosure.id());
        }
        return contents.json(disclosure.departmentCode(), disclosure.fiscalYear(), version.number(),
                version.contentHash());
    }

    /** The disclosures of a year with a current version, in department code order, as {@link #published} reads them. */
    public List<Disclosure> current(int fiscalYear) {
        Query query = Query.query(Criteria.where("fiscalYear").is(fiscalYear).and("currentVersion").ne(null))
                .with(Sort.by("departmentCode"));
        withoutWork(query);
        return mongo.find(query, Disclosure.class);
    }

    /** The current version of every disclosure of a year that has one, in department code order. */
    public List<Released> currentVersions(int fiscalYear) {
        Query query = Query.query(Criteria.where("fiscalYear").is(fiscalYear).and("currentVersion").ne(null))
                .with(Sort.by("departmentCode"));
        query.fields().include("departmentCode", "departmentName", "fiscalYear", "currentVersion",
                "currentContentHash", "currentReleasedAt");
        return mongo.find(query, Document.class, COLLECTION).stream().map(DisclosureProjections::released).toList();
    }

    /** The fiscal years with at least one current released version, newest first. */
    public List<Integer> yearsWithCurrentVersions() {
        return mongo.findDistinct(Query.query(Criteria.where("currentVersion").ne(null)), "fiscalYear", COLLECTION,
                Integer.class).stream().sorted(Comparator.reverseOrder()).toList();
    }

    /** Leaves out what public reads never need: the draft (with its content) and the pending events. */
    private static void withoutWork(Query query) {
        query.fields().exclude("draft").exclude("outbox").exclude("outboxFailed").exclude("feedPending");
    }

    private static Released released(Document d) {
        return new Released(d.getString("departmentCode"), d.getString("departmentName"), d.getInteger("fiscalYear"),
                d.getInteger("currentVersion"), d.getDate("currentReleasedAt").toInstant(),
                d.getString("currentContentHash"));
    }

    /** The feed items a disclosure's steps left for the feed, in order (none for an unknown id). */
    public List<FeedItem> pendingFeedItems(String disclosureId) {
        Query byId = Query.query(Criteria.where("_id").is(disclosureId));
        byId.fields().include("feedPending");
        Document disclosure = mongo.findOne(byId, Document.class, COLLECTION);
        if (disclosure == null) {
            return List.of();
        }
        return disclosure.getList("feedPending", Document.class, List.of()).stream()
                .map(d -> mongo.getConverter().read(FeedItem.class, d)).toList();
    }

    /** Removes an item from the disclosure once the feed holds it (the version is not touched, like the relay's pull). */
    public void feedItemAppended(String disclosureId, String sourceId) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(disclosureId)),
                new Update().pull("feedPending", new Document("sourceId", sourceId)), COLLECTION);
    }

    /** Disclosures with feed items left pending (what a crash or a failed append left behind); sparse-indexed. */
    public List<String> withPendingFeedItems(int limit) {
        Query pending = Query.query(Criteria.where("feedPending.sourceId").exists(true)).limit(limit);
        pending.fields().include("_id");
        return mongo.find(pending, Document.class, COLLECTION).stream().map(d -> d.getString("_id")).toList();
    }
}

package cn.finance.disclosure.portal.archive;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The portal's own copy, in its own database: only the sync writes it, the pages read it. */
@Repository
public class Archive {

    private final MongoTemplate mongo;

    public Archive(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public SyncState state() {
        SyncState state = mongo.findById(SyncState.ID, SyncState.class);
        return state == null ? SyncState.initial() : state;
    }

    public void save(SyncState state) {
        mongo.save(state);
    }

    public Optional<DisclosureRecord> disclosure(String code, int fiscalYear) {
        return Optional.ofNullable(mongo.findById(DisclosureRecord.idOf(code, fiscalYear), DisclosureRecord.class));
    }

    public void save(DisclosureRecord record) {
        mongo.save(record);
    }

    public void save(ArchivedVersion version) {
        mongo.save(version);
    }

    public Optional<ArchivedVersion> version(String code, int fiscalYear, int number) {
        return Optional.ofNullable(mongo.findById(ArchivedVersion.idOf(code, fiscalYear, number), ArchivedVersion.class));
    }

    /** Every disclosure of a department, newest year first. */
    public List<DisclosureRecord> ofDepartment(String code) {
        return mongo.find(Query.query(Criteria.where("departmentCode").is(code))
                .with(Sort.by(Sort.Direction.DESC, "fiscalYear")), DisclosureRecord.class);
    }

    /** Disclosures of a year (or all years) whose department name contains, or code starts with, the text. */
    public List<DisclosureRecord> search(Integer fiscalYear, String text) {
        Query query = new Query();
        if (fiscalYear != null) {
            query.addCriteria(Criteria.where("fiscalYear").is(fiscalYear));
        }
        if (text != null && !text.isBlank()) {
            String t = text.strip();
            query.addCriteria(new Criteria().orOperator(
                    Criteria.where("departmentName").regex(Pattern.compile(Pattern.quote(t))),
                    Criteria.where("departmentCode").regex(Pattern.compile("^" + Pattern.quote(t)))));
        }
        query.with(Sort.by(Sort.Order.desc("fiscalYear"), Sort.Order.asc("departmentCode"))).limit(200);
        return mongo.find(query, DisclosureRecord.class);
    }

    public List<DisclosureRecord> recentlyChanged(int limit) {
        return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "updatedAt")).limit(limit),
                DisclosureRecord.class);
    }

    public List<Integer> fiscalYears() {
        return mongo.findDistinct(new Query(), "fiscalYear", DisclosureRecord.class, Integer.class).stream()
                .sorted(java.util.Comparator.reverseOrder()).toList();
    }

    /** Records a refusal once (the same bytes refused again are the same record). */
    public void quarantine(Quarantined refused) {
        try {
            mongo.insert(refused);
        } catch (DuplicateKeyException alreadyOnRecord) {
            // seen before: one record per kind, sequence and bytes
        }
    }

    public void resolveQuarantine(String code, int fiscalYear, int version, Instant at) {
        mongo.updateMulti(Query.query(Criteria.where("kind").is(Quarantined.CONTENT).and("departmentCode").is(code)
                        .and("fiscalYear").is(fiscalYear).and("version").is(version).and("resolvedAt").is(null)),
                new Update().set("resolvedAt", at), Quarantined.class);
    }

    public List<Quarantined> quarantined(int limit) {
        return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "receivedAt")).limit(limit), Quarantined.class);
    }

    public List<Quarantined> openQuarantine(String code, int fiscalYear) {
        return mongo.find(Query.query(Criteria.where("departmentCode").is(code).and("fiscalYear").is(fiscalYear)
                .and("resolvedAt").is(null)), Quarantined.class);
    }

    /** Disclosures holding a version whose content was refused: the sync fetches those again. */
    public List<DisclosureRecord> withRefusedVersions() {
        return mongo.find(Query.query(Criteria.where("versions").elemMatch(Criteria.where("verified").is(false)
                .and("status").ne(VersionState.WITHDRAWN))), DisclosureRecord.class);
    }

    public long versionCount() {
        return mongo.count(new Query(), ArchivedVersion.class);
    }
}

package cn.finance.disclosure.publication.sources;

import cn.finance.disclosure.events.budget.BudgetApprovedV2;
import cn.finance.disclosure.events.department.DepartmentProfileUpdated;
import cn.finance.disclosure.events.department.DepartmentRegistered;
import cn.finance.disclosure.events.department.DepartmentRegisteredV2;
import cn.finance.disclosure.events.department.ProfileSnapshot;
import cn.finance.disclosure.model.BudgetPayloads;
import cn.finance.disclosure.publication.document.ProfileContent;
import com.mongodb.client.result.UpdateResult;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * This service's own read models of what the department and budget services announced. Every write is one
 * conditional single-document write, so the same event twice, or an older one after a newer one, changes nothing
 * (the MongoDB-wire server has no transactions, and none is needed).
 */
@Service
public class Sources {

    /** Per department and year, the highest approved revision held ({@link #latestApproval}). */
    static final String LATEST = "approved_budget_latest";

    private final MongoTemplate mongo;

    Sources(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Registration facts do not change; writing them again is a no-op. */
    public void recordDepartment(DepartmentRegistered event, String eventId) {
        mongo.upsert(Query.query(Criteria.where("_id").is(event.code())), new Update()
                .set("name", event.name())
                .set("shortName", event.shortName())
                .set("district", event.district())
                .set("kind", event.kind())
                .set("parentCode", event.parentCode())
                .set("registeredAt", event.registeredAt())
                .set("eventId", eventId), KnownDepartment.class);
    }

    /** A v2 registration: kind and level as enumerations, which decide the document's wording and rules. */
    public void recordDepartment(DepartmentRegisteredV2 event, String eventId) {
        mongo.upsert(Query.query(Criteria.where("_id").is(event.code())), new Update()
                .set("name", event.name())
                .set("shortName", event.shortName())
                .set("district", event.district())
                .set("kind", event.kind() == null ? null : event.kind().label)
                .set("unitKind", event.kind())
                .set("unitLevel", event.level())
                .set("parentCode", event.parentCode())
                .set("registeredAt", event.registeredAt())
                .set("eventId", eventId), KnownDepartment.class);
    }

    /**
     * Keeps the snapshot only if its version is higher than the one held: an update conditional on the stored version,
     * or an insert when there is none (a concurrent insert loses on the unique id and is then simply older or equal).
     *
     * @return whether the stored profile changed
     */
    public boolean recordProfile(DepartmentProfileUpdated event, String eventId) {
        String id = YearProfile.idOf(event.departmentCode(), event.fiscalYear());
        String snapshotJson = StoredJson.write(profileContent(event.profile()));
        UpdateResult updated = mongo.updateFirst(
                Query.query(Criteria.where("_id").is(id).and("profileVersion").lt(event.profileVersion())),
                new Update()
                        .set("profileVersion", event.profileVersion())
                        .set("departmentName", event.departmentName())
                        .set("snapshotJson", snapshotJson)
                        .set("updatedAt", event.updatedAt())
                        .set("eventId", eventId),
                YearProfile.class);
        if (updated.getMatchedCount() > 0) {
            return true;
        }
        try {
            mongo.insert(new YearProfile(id, event.departmentCode(), event.fiscalYear(), event.profileVersion(),
                    event.departmentName(), snapshotJson, event.updatedAt(), eventId));
            return true;
        } catch (DuplicateKeyException sameOrNewerAlreadyHeld) {
            return false;
        }
    }

    /**
     * An approved revision is written once; the same approval again finds it there.
     *
     * @return whether this revision was new
     */
    public boolean recordApproval(BudgetApprovedV2 event, String eventId) {
        return recordApproval(event, eventId, null);
    }

    /** @param producer the service whose signature on the event was verified (null where checking is off) */
    public boolean recordApproval(BudgetApprovedV2 event, String eventId, String producer) {
        boolean stored;
        try {
            mongo.insert(new ApprovedBudget(ApprovedBudget.idOf(event.departmentCode(), event.fiscalYear(),
                    event.revision()), event.budgetId(), event.departmentCode(), event.fiscalYear(), event.revision(),
                    event.submittedBy(), event.approvedBy(), event.approvedAt(),
                    StoredJson.write(BudgetPayloads.toContent(event.submission())),
                    StoredJson.write(BudgetPayloads.toContent(event.classification())), eventId,
                    producer));
            stored = true;
        } catch (DuplicateKeyException alreadyHeld) {
            stored = false;
        }
        // also for an approval already held: a crash may have come between its insert and this write
        mongo.upsert(Query.query(Criteria.where("_id").is(latestIdOf(event.departmentCode(), event.fiscalYear()))),
                new Update().max("revision", event.revision()), LATEST);
        return stored;
    }

    /**
     * The highest approved revision of the department's budget for the year: two reads by id, through the pointer
     * {@link #recordApproval} keeps ({@code $max}, so approvals arriving out of order leave the highest). A query on
     * department and year would read every approval on a database that cannot use the secondary index (the
     * MongoDB-wire server), a cost per draft growing with the number of units; it stays only for approvals recorded
     * before the pointer existed.
     */
    public Optional<ApprovedBudget> latestApproval(String departmentCode, int fiscalYear) {
        Document latest = mongo.findById(latestIdOf(departmentCode, fiscalYear), Document.class, LATEST);
        if (latest != null && latest.get("revision") instanceof Number revision) {
            ApprovedBudget approval = mongo.findById(ApprovedBudget.idOf(departmentCode, fiscalYear,
                    revision.intValue()), ApprovedBudget.class);
            if (approval != null) {
                return Optional.of(approval);
            }
        }
        Query query = Query.query(Criteria.where("departmentCode").is(departmentCode).and("fiscalYear").is(fiscalYear))
                .with(Sort.by(Sort.Direction.DESC, "revision")).limit(1);
        return Optional.ofNullable(mongo.findOne(query, ApprovedBudget.class));
    }

    static String latestIdOf(String departmentCode, int fiscalYear) {
        return departmentCode + "/" + fiscalYear;
    }

    public Optional<YearProfile> profile(String departmentCode, int fiscalYear) {
        return Optional.ofNullable(mongo.findById(YearProfile.idOf(departmentCode, fiscalYear), YearProfile.class));
    }

    public Optional<KnownDepartment> department(String code) {
        return Optional.ofNullable(mongo.findById(code, KnownDepartment.class));
    }

    /** The one mapping from the event's profile to this service's own (member for member). */
    static ProfileContent profileContent(ProfileSnapshot p) {
        if (p == null) {
            return null;
        }
        return new ProfileContent(p.fiscalYear(), p.functions() == null ? null : new ArrayList<>(p.functions()),
                p.divisions() == null ? null : p.divisions().stream()
                        .map(d -> d == null ? null : new ProfileContent.Division(d.name(), d.responsibilities()))
                        .collect(java.util.stream.Collectors.toList()),
                p.disclosureContact() == null ? null : new ProfileContent.DisclosureContact(
                        p.disclosureContact().name(), p.disclosureContact().phone()));
    }
}

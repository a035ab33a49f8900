package cn.finance.disclosure.publication.disclosure;

import cn.finance.disclosure.publication.feed.ReleaseFeed;
import cn.finance.disclosure.support.outbox.AggregateStore;
import cn.finance.disclosure.support.security.Roles;
import cn.finance.disclosure.support.security.StaffUser;
import cn.finance.disclosure.support.web.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The staff side of a disclosure: reading drafts and versions, and the steps before and after release, each checked
 * here against the caller's roles and department (not only on routes). Department staff see only their own
 * department's disclosures; another department's look the same as unknown ones.
 */
@Service
public class PublicationService {

    private static final Logger log = LoggerFactory.getLogger(PublicationService.class);
    private static final List<String> PENDING = Arrays.stream(DisclosureStatus.values())
            .filter(DisclosureStatus::isPending).map(Enum::name).toList();

    private final DisclosureRepository disclosures;
    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final ReleasedContents contents;
    private final ReleaseFeed feed;
    private final Clock clock;

    PublicationService(DisclosureRepository disclosures, MongoTemplate mongo, AggregateStore store,
                       ReleasedContents contents, ReleaseFeed feed, Clock clock) {
        this.disclosures = disclosures;
        this.mongo = mongo;
        this.store = store;
        this.contents = contents;
        this.feed = feed;
        this.clock = clock;
    }

    public PublicationViews.Page list(DisclosureStatus status, Boolean overdue, String departmentCode,
                                      Integer fiscalYear, int page, int size, StaffUser user) {
        List<Criteria> filters = new ArrayList<>();
        if (!user.isBureauStaff()) {
            filters.add(Criteria.where("departmentCode")
                    .is(user.departmentCode() == null ? "\u0000none" : user.departmentCode()));
        }
        if (departmentCode != null) {
            filters.add(Criteria.where("departmentCode").is(departmentCode));
        }
        if (fiscalYear != null) {
            filters.add(Criteria.where("fiscalYear").is(fiscalYear));
        }
        if (status != null) {
            filters.add(Criteria.where("status").is(status.name()));
        }
        if (overdue != null) {
            LocalDate today = Deadlines.today(clock);
            Criteria late = new Criteria().andOperator(Criteria.where("status").in(PENDING),
                    Criteria.where("dueDate").lt(today));
            filters.add(overdue ? late : new Criteria().orOperator(Criteria.where("status").nin(PENDING),
                    Criteria.where("dueDate").gte(today)));
        }
        Query query = filters.isEmpty() ? new Query() : new Query(new Criteria().andOperator(filters));
        long total = mongo.count(query, Disclosure.class);
        // the late ones most overdue first; otherwise by year (newest first) and department
        Sort order = Boolean.TRUE.equals(overdue) ? Sort.by(Sort.Order.asc("dueDate"), Sort.Order.asc("_id"))
                : Sort.by(Sort.Order.desc("fiscalYear"), Sort.Order.asc("departmentCode"));
        query.with(order).skip((long) page * size).limit(size);
        query.fields().exclude("versions").exclude("draft.contentJson").exclude("outbox").exclude("feedPending");
        List<PublicationViews.Summary> items = mongo.find(query, Disclosure.class).stream()
                .map(d -> PublicationViews.Summary.of(d, clock)).toList();
        return new PublicationViews.Page(items, page, size, total);
    }

    public PublicationViews.Detail get(String id, StaffUser user) {
        return PublicationViews.Detail.of(readable(id, user), clock);
    }

    /** The department's own head confirms the draft's content, as they saw it. */
    public PublicationViews.Detail confirm(String id, String seenHash, StaffUser user) {
        Disclosure d = readable(id, user);
        if (!user.hasRole(Roles.DEPARTMENT_HEAD) || !user.belongsTo(d.departmentCode())) {
            throw DomainException.forbidden("只有本单位负责人（department-head）可以确认公开草稿");
        }
        d.confirm(user.actor(), seenHash, now());
        return saved(d);
    }

    public PublicationViews.Detail release(String id, String seenHash, StaffUser user) {
        Disclosure d = readable(id, user);
        requirePublisher(user, "发布");
        return released(d, d.release(user.actor(), seenHash, false, null, now()));
    }

    public PublicationViews.Detail correct(String id, String seenHash, String reason, StaffUser user) {
        Disclosure d = readable(id, user);
        requirePublisher(user, "更正发布");
        return released(d, d.release(user.actor(), seenHash, true, reason.strip(), now()));
    }

    public PublicationViews.Detail withdraw(String id, String seenHash, String reason, StaffUser user) {
        Disclosure d = readable(id, user);
        requirePublisher(user, "撤回");
        d.withdraw(user.actor(), seenHash, reason.strip(), now());
        return saved(d);
    }

    private static void requirePublisher(StaffUser user, String step) {
        if (!user.hasRole(Roles.BUREAU_PUBLISHER)) {
            throw DomainException.forbidden("只有财政局公开专员（bureau-publisher）可以" + step + "公开文本");
        }
    }

    private Disclosure readable(String id, StaffUser user) {
        return disclosures.findById(id).filter(d -> user.canRead(d.departmentCode()))
                .orElseThrow(() -> DomainException.notFound("未找到公开事项 " + id));
    }

    /**
     * The released content first, then the disclosure that references it: a failure in between leaves content that
     * nothing references (never served, see {@link ReleasedContents}), never a version without its content. The
     * disclosure write stays the one write of the step and its event.
     */
    private PublicationViews.Detail released(Disclosure d, Disclosure.Release release) {
        contents.store(d.departmentCode(), d.fiscalYear(), release.version().number(), release.version().contentHash(),
                release.contentJson());
        return saved(d);
    }

    /**
     * One write carries the step, its event (outbox) and its feed entry; relaying and appending follow at once, and
     * the relay and the feed drainer pick up anything a crash left behind.
     */
    private PublicationViews.Detail saved(Disclosure d) {
        store.update(d);
        try {
            feed.appendPendingOf(d.id());
        } catch (RuntimeException e) {
            log.warn("appending the release feed for {} failed, the drainer will retry: {}", d.id(), e.toString());
        }
        return PublicationViews.Detail.of(d, clock);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}

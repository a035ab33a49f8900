package cn.finance.disclosure.publication.disclosure;

import cn.finance.disclosure.events.Actor;
import cn.finance.disclosure.events.EventEnvelope;
import cn.finance.disclosure.events.EventJson;
import cn.finance.disclosure.events.EventTypes;
import cn.finance.disclosure.events.Topics;
import cn.finance.disclosure.events.publication.PublicationCorrected;
import cn.finance.disclosure.events.publication.PublicationReleased;
import cn.finance.disclosure.events.publication.PublicationWithdrawn;
import cn.finance.disclosure.publication.feed.FeedItem;
import cn.finance.disclosure.support.outbox.OutboxAggregate;
import cn.finance.disclosure.support.outbox.OutboxMessage;
import cn.finance.disclosure.support.web.DomainException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.http.HttpStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The disclosure of one department's budget for one fiscal year: the pending draft (generated from the latest approved
 * budget revision and profile, with its content: it is what is being worked on), its confirmation, and the metadata of
 * every released version (their content lives in {@link ReleasedContents}, written once, outside this document, so a
 * step never loads it). It owns its state machine: each step checks the state, the content hash the person saw and the
 * separation of duties, then changes the document and records the step's event (outbox) and its release-feed entry
 * in the same single-document write.
 */
@Document("publications")
public class Disclosure implements OutboxAggregate {

    static final String SOURCE = "publication-service";

    @Id
    private String id;
    private String departmentCode;
    private String departmentName;
    private int fiscalYear;
    private DisclosureStatus status;
    private Basis basis;
    private LocalDate dueDate;
    private Draft draft;
    private List<PublishedVersion> versions = new ArrayList<>();
    private Integer currentVersion;
    /** the current version's hash and release time, beside its number, so the public list needs no versions */
    private String currentContentHash;
    private Instant currentReleasedAt;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private Long version;
    private List<FeedItem> feedPending = new ArrayList<>();
    private List<OutboxMessage> outbox = new ArrayList<>();
    /** the events recorded since this object was loaded: what the store pushes onto the stored outbox */
    @Transient
    private final List<OutboxMessage> recorded = new ArrayList<>();

    protected Disclosure() {
    }

    public static String idOf(String departmentCode, int fiscalYear) {
        return departmentCode + "-" + fiscalYear;
    }

    static Disclosure open(String departmentCode, int fiscalYear, String departmentName, Instant now) {
        Disclosure d = new Disclosure();
        d.id = idOf(departmentCode, fiscalYear);
        d.departmentCode = departmentCode;
        d.fiscalYear = fiscalYear;
        d.departmentName = departmentName;
        d.createdAt = now;
        d.updatedAt = now;
        return d;
    }

    /**
     * Takes the latest inputs. Nothing changes unless {@code newBasis} is newer than the one held, so a redelivered or
     * older event leaves the disclosure as it is. Content equal to the current version's creates no correction draft.
     *
     * @param generated the content generated from {@code newBasis}, null while the profile is missing
     * @return whether the disclosure changed
     */
    boolean update(Basis newBasis, String name, GeneratedContent generated, Instant now) {
        if (!newBasis.isNewerThan(basis)) {
            return false;
        }
        basis = newBasis;
        if (name != null) {
            departmentName = name;
        }
        updatedAt = now;
        if (generated != null) {
            Optional<PublishedVersion> current = current();
            if (draft != null) {
                draft = draft.regenerated(generated, newBasis, now);
            } else if (current.isEmpty() || !current.get().contentHash().equals(generated.hash())) {
                draft = Draft.of(generated, newBasis, now);
            }
            if (draft != null && current.isPresent() && current.get().contentHash().equals(draft.contentHash())) {
                draft = null; // the correction would change nothing
            }
        }
        recompute();
        return true;
    }

    /** The department head confirms exactly the content they saw. */
    void confirm(Actor by, String seenHash, Instant now) {
        require(DisclosureAction.CONFIRM);
        if (by.samePersonAs(draft.basis().approvedBy())) {
            throw separation("您审批了该部门预算，不能再确认同一公开文本：预算审批、公开确认、公开发布须由三个不同的人完成");
        }
        requireSameContent(seenHash, draft.contentHash(), "确认");
        if (!draft.defects().isEmpty()) {
            // Our own text contradicts itself or the budget: nobody may confirm it for publication.
            var first = draft.defects().getFirst();
            throw new DomainException(HttpStatus.UNPROCESSABLE_CONTENT, "text-audit-defects", "公开文本存在矛盾，不能确认",
                    "公开文本有" + draft.defects().size() + "处问题，不能确认。第一处：“" + first.sentence() + "”——"
                            + first.message(),
                    java.util.Map.of("defects", draft.defects().stream().map(f -> java.util.Map.of("rule", f.rule(),
                            "sentence", f.sentence(), "message", f.message())).toList()));
        }
        draft = draft.confirmed(new Step(by, now, seenHash));
        updatedAt = now;
        recompute();
    }

    /**
     * A release step's outcome: the new version's metadata, kept here, and the content it released, which the caller
     * stores in {@link ReleasedContents} before writing this disclosure (the draft that held it is gone after the step).
     */
    record Release(PublishedVersion version, String contentJson) {
    }

    /**
     * A bureau publisher releases the confirmed draft as the next version: the first release (or the first after a
     * withdrawal) with {@code reason} null, or a correction of the current version with a public reason.
     */
    Release release(Actor by, String seenHash, boolean correction, String reason, Instant now) {
        require(correction ? DisclosureAction.CORRECT : DisclosureAction.RELEASE);
        Optional<PublishedVersion> current = current();
        Step confirmation = draft.confirmation();
        Actor approver = draft.basis().approvedBy();
        if (by.samePersonAs(approver)) {
            throw separation("您审批了该部门预算，不能再发布同一公开文本：预算审批、公开确认、公开发布须由三个不同的人完成");
        }
        if (by.samePersonAs(confirmation.by())) {
            throw separation("您已作为单位负责人确认了该公开文本，不能再由您发布：预算审批、公开确认、公开发布须由三个不同的人完成");
        }
        if (confirmation.by().samePersonAs(approver)) {
            throw separation("确认该公开文本的人也审批了该部门预算，须由另一位单位负责人重新确认后才能发布");
        }
        requireSameContent(seenHash, draft.contentHash(), correction ? "更正发布" : "发布");

        int number = versions.size() + 1;
        Step released = new Step(by, now, seenHash);
        String contentJson = draft.contentJson();
        PublishedVersion published = new PublishedVersion(number, draft.contentHash(),
                VersionStatus.CURRENT, draft.basis(), correction, correction ? reason : null,
                current.map(PublishedVersion::number).orElse(null), null, confirmation, released, now, null, null);
        current.ifPresent(c -> replace(c.supersededBy(number)));
        versions.add(published);
        currentVersion = number;
        draft = null;
        updatedAt = now;
        recompute();
        Basis b = published.basis();
        long profileVersion = b.profileVersion() == null ? 0 : b.profileVersion();
        String sourceId;
        if (correction) {
            sourceId = record(EventTypes.PUBLICATION_CORRECTED, now, new PublicationCorrected(departmentCode,
                    departmentName, fiscalYear, number, published.supersedes(), reason, published.contentHash(),
                    b.budgetId(), b.budgetRevision(), profileVersion, b.approvedBy(), confirmation.by(), by, now,
                    versionPath(number)));
        } else {
            sourceId = record(EventTypes.PUBLICATION_RELEASED, now, new PublicationReleased(departmentCode,
                    departmentName, fiscalYear, number, published.contentHash(), b.budgetId(), b.budgetRevision(),
                    profileVersion, b.approvedBy(), confirmation.by(), by, now, versionPath(number)));
        }
        feedPending.add(new FeedItem(sourceId, correction ? FeedItem.CORRECTED : FeedItem.RELEASED, departmentCode,
                departmentName, fiscalYear, number, published.contentHash(), published.supersedes(),
                published.reason(), now));
        return new Release(published, contentJson);
    }

    /** A bureau publisher withdraws the current version with a public reason; it stays readable as withdrawn. */
    PublishedVersion withdraw(Actor by, String seenHash, String reason, Instant now) {
        require(DisclosureAction.WITHDRAW);
        PublishedVersion current = current().orElseThrow();
        requireSameContent(seenHash, current.contentHash(), "撤回");
        PublishedVersion withdrawn = current.withdrawnBy(new Step(by, now, seenHash), reason);
        replace(withdrawn);
        currentVersion = null;
        updatedAt = now;
        recompute();
        String sourceId = record(EventTypes.PUBLICATION_WITHDRAWN, now, new PublicationWithdrawn(departmentCode,
                departmentName, fiscalYear, current.number(), current.contentHash(), reason, by, now,
                versionPath(current.number())));
        feedPending.add(new FeedItem(sourceId, FeedItem.WITHDRAWN, departmentCode, departmentName, fiscalYear,
                current.number(), current.contentHash(), null, reason, now));
        return withdrawn;
    }

    /** Where the disclosure stands for people's steps (see the transition table in {@link DisclosureState}). */
    public DisclosureState state() {
        return status == null ? DisclosureState.WAITING_FOR_PROFILE : DisclosureState.of(status, currentVersion != null);
    }

    /** Refuses a step the state does not allow, with the steps it does allow. */
    private void require(DisclosureAction action) {
        DisclosureState state = state();
        if (!state.allows(action)) {
            throw new DisclosureTransitionRefused(state, action,
                    draft != null && draft.confirmation() != null && !draft.isConfirmed());
        }
    }

    private String record(String type, Instant now, Object payload) {
        EventEnvelope envelope = EventJson.envelope(type, SOURCE, departmentCode + "/" + fiscalYear, now, payload);
        OutboxMessage message = OutboxMessage.of(Topics.PUBLICATION_EVENTS, departmentCode + "/" + fiscalYear, envelope);
        outbox.add(message);
        recorded.add(message);
        return envelope.id();
    }

    private static void requireSameContent(String seenHash, String actualHash, String step) {
        if (!actualHash.equals(seenHash)) {
            throw new DomainException(HttpStatus.CONFLICT, "content-hash-mismatch",
                    "内容已变化", "您" + step + "时看到的内容（哈希 " + seenHash + "）不是当前内容（哈希 " + actualHash
                    + "），请重新读取后再" + step);
        }
    }

    private static DomainException separation(String detail) {
        return new DomainException(HttpStatus.FORBIDDEN, "separation-of-duties",
                "违反不相容职务分离", detail);
    }

    private void replace(PublishedVersion changed) {
        versions.set(changed.number() - 1, changed);
    }

    private void recompute() {
        if (draft != null) {
            status = draft.isConfirmed() ? DisclosureStatus.CONFIRMED : DisclosureStatus.DRAFT;
        } else if (currentVersion != null) {
            status = DisclosureStatus.RELEASED;
        } else if (!versions.isEmpty()) {
            status = DisclosureStatus.WITHDRAWN;
        } else {
            status = DisclosureStatus.WAITING_FOR_PROFILE;
        }
        dueDate = status.isPending() ? pendingDueDate() : null;
        PublishedVersion current = current().orElse(null);
        currentContentHash = current == null ? null : current.contentHash();
        currentReleasedAt = current == null ? null : current.releasedAt();
    }

    /**
     * Approval + 20 days. A correction prompted by a profile fix alone (its budget revision is already public) has no
     * new approval to count from: it counts from the day the correction draft appeared.
     */
    private LocalDate pendingDueDate() {
        if (draft != null) {
            boolean revisionAlreadyPublic = versions.stream()
                    .anyMatch(v -> v.basis().budgetRevision() == draft.basis().budgetRevision());
            return Deadlines.dueDate(revisionAlreadyPublic ? draft.createdAt() : draft.basis().approvedAt());
        }
        return Deadlines.dueDate(basis.approvedAt());
    }

    public static String publicPath(String departmentCode, int fiscalYear) {
        return "/public/v1/publications/" + departmentCode + "/" + fiscalYear;
    }

    public String versionPath(int number) {
        return publicPath(departmentCode, fiscalYear) + "/versions/" + number;
    }

    public Optional<PublishedVersion> current() {
        return currentVersion == null ? Optional.empty() : Optional.of(versions.get(currentVersion - 1));
    }

    public Optional<PublishedVersion> version(int number) {
        return number >= 1 && number <= versions.size() ? Optional.of(versions.get(number - 1)) : Optional.empty();
    }

    /** A pending draft while a version is current is a correction: it is released through the correction step. */
    public boolean draftIsCorrection() {
        return draft != null && currentVersion != null;
    }

    public String id() {
        return id;
    }

    public String departmentCode() {
        return departmentCode;
    }

    public String departmentName() {
        return departmentName;
    }

    public int fiscalYear() {
        return fiscalYear;
    }

    public DisclosureStatus status() {
        return status;
    }

    public Basis basis() {
        return basis;
    }

    public LocalDate dueDate() {
        return dueDate;
    }

    public Draft draft() {
        return draft;
    }

    public List<PublishedVersion> versions() {
        return List.copyOf(versions);
    }

    public Integer currentVersion() {
        return currentVersion;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Long version() {
        return version;
    }

    List<FeedItem> feedPending() {
        return List.copyOf(feedPending);
    }

    List<OutboxMessage> outbox() {
        return List.copyOf(outbox);
    }

    @Override
    public List<OutboxMessage> recordedEvents() {
        return List.copyOf(recorded);
    }

    @Override
    public void recordedEventsStored() {
        recorded.clear();
    }
}

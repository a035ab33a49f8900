package cn.finance.disclosure.budget.submission;

import cn.finance.disclosure.events.Actor;
import cn.finance.disclosure.events.EventJson;
import cn.finance.disclosure.events.EventTypes;
import cn.finance.disclosure.events.Topics;
import cn.finance.disclosure.events.budget.BudgetApproved;
import cn.finance.disclosure.events.budget.BudgetApprovedV2;
import cn.finance.disclosure.events.budget.ClassificationNames;
import cn.finance.disclosure.events.budget.BudgetReturned;
import cn.finance.disclosure.model.BudgetContent;
import cn.finance.disclosure.model.BudgetPayloads;
import cn.finance.disclosure.events.budget.BudgetSubmitted;
import cn.finance.disclosure.support.outbox.OutboxAggregate;
import cn.finance.disclosure.support.outbox.OutboxMessage;
import cn.finance.disclosure.support.web.DomainException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.http.HttpStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One revision of a department's budget for one fiscal year, and its review. Its id names department, year and
 * revision ({@code 405001-2024-r1}), so a second budget for the same department and year, or a second open revision,
 * cannot be inserted. Every move goes through {@link BudgetStatus#after}; each records who, when and why in
 * {@link #history()}, and the moves other services hear about put their event into this same document
 * ({@code outbox}), so the change and its event are one write.
 *
 * <p>An approved revision is frozen. A later change is a new revision (n + 1), a copy of the approved submission
 * linked to it by {@code replacesBudgetId}, which goes through the same steps; the approved revision with the highest
 * number is the department's budget in force.
 */
@Document("budgets")
public class Budget implements OutboxAggregate {

    static final String SOURCE = "budget-service";

    @Id
    private String id;
    private String departmentCode;
    private int fiscalYear;
    private int revision;
    private String replacesBudgetId;
    private BudgetStatus status;
    private BudgetContent submission;
    private List<Acknowledgement> acknowledgements = new ArrayList<>();
    private String returnReason;
    private Instant createdAt;
    private Actor createdBy;
    private Instant updatedAt;
    private Actor updatedBy;
    private Instant submittedAt;
    private Actor submittedBy;
    private Instant approvedAt;
    private Actor approvedBy;
    private List<HistoryEntry> history = new ArrayList<>();
    @Version
    private Long version;
    private List<OutboxMessage> outbox = new ArrayList<>();
    /** The events recorded since this object was loaded or created: what a write must add to the stored outbox. */
    @Transient
    private List<OutboxMessage> recorded = new ArrayList<>();

    protected Budget() {
    }

    public static String idOf(String departmentCode, int fiscalYear, int revision) {
        return departmentCode + "-" + fiscalYear + "-r" + revision;
    }

    /** Revision 1 of a department's budget for a year, as a draft. */
    public static Budget create(BudgetContent submission, Actor by, Instant now) {
        Objects.requireNonNull(submission.departmentCode(), "departmentCode");
        Objects.requireNonNull(submission.fiscalYear(), "fiscalYear");
        return draft(submission, 1, null, by, now, HistoryEntry.Step.CREATED, null);
    }

    private static Budget draft(BudgetContent submission, int revision, String replaces, Actor by, Instant now,
                                HistoryEntry.Step step, String note) {
        Budget b = new Budget();
        b.departmentCode = submission.departmentCode();
        b.fiscalYear = submission.fiscalYear();
        b.revision = revision;
        b.id = idOf(b.departmentCode, b.fiscalYear, revision);
        b.replacesBudgetId = replaces;
        b.status = BudgetStatus.DRAFT;
        b.submission = submission;
        b.createdAt = now;
        b.createdBy = by;
        b.updatedAt = now;
        b.updatedBy = by;
        b.history.add(new HistoryEntry(step, null, BudgetStatus.DRAFT, by, now, note, null));
        return b;
    }

    /**
     * The next revision: a draft copy of this approved budget's submission, linked to it. This revision itself does
     * not change (it stays approved and frozen until the next one is approved).
     */
    public Budget revise(Actor by, Instant now) {
        status.after(BudgetAction.REVISE);
        return draft(submission, revision + 1, id, by, now, HistoryEntry.Step.REVISION_CREATED,
                "修订自已批准的第" + revision + "版（" + id + "）");
    }

    /** Replaces the content of a draft or a returned budget; a returned one becomes a draft again. */
    public void edit(BudgetContent changed, Actor by, Instant now) {
        BudgetStatus to = status.after(BudgetAction.EDIT);
        if (!departmentCode.equals(changed.departmentCode())) {
            throw fieldError("departmentCode", "预算的单位编码不能修改，须为 " + departmentCode);
        }
        if (changed.fiscalYear() == null || changed.fiscalYear() != fiscalYear) {
            throw fieldError("fiscalYear", "预算年度不能修改，须为 " + fiscalYear);
        }
        submission = changed;
        record(BudgetAction.EDIT, to, by, now, null, null);
    }

    /**
     * Submits for review. The caller has checked that validation found no ERROR and that {@code acknowledgements}
     * explain every WARNING (see {@link SubmissionGate}).
     */
    public void submit(List<Acknowledgement> acknowledged, Actor by, Instant now) {
        BudgetStatus to = status.after(BudgetAction.SUBMIT);
        acknowledgements = new ArrayList<>(acknowledged);
        submittedBy = by;
        submittedAt = now;
        returnReason = null;
        record(BudgetAction.SUBMIT, to, by, now, null, acknowledged);
        publish(EventTypes.BUDGET_SUBMITTED, now,
                new BudgetSubmitted(id, departmentCode, fiscalYear, revision, by, now));
    }

    /** Sends a submitted budget back to the department; the reason is what the clerk reads. */
    public void returnToDepartment(String reason, Actor by, Instant now) {
        BudgetStatus to = status.after(BudgetAction.RETURN);
        if (reason == null || reason.isBlank()) {
            throw fieldError("reason", "退回须说明原因");
        }
        returnReason = reason.strip();
        record(BudgetAction.RETURN, to, by, now, returnReason, null);
        publish(EventTypes.BUDGET_RETURNED, now,
                new BudgetReturned(id, departmentCode, fiscalYear, revision, returnReason, by, now));
    }

    /**
     * Approves a submitted budget. Nobody approves a budget they submitted themselves: the approver and the
     * submitter are compared as persons (issuer + subject), whatever their roles or user names.
     */
    public void approve(Actor by, Instant now) {
        approve(by, now, ClassificationNames.none(fiscalYear));
    }

    /** Approves, carrying the year's catalog names of the codes the budget uses (budget.approved.v2). */
    public void approve(Actor by, Instant now, ClassificationNames names) {
        BudgetStatus to = status.after(BudgetAction.APPROVE);
        if (by.samePersonAs(submittedBy)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "own-submission",
                    "不能批准本人提交的预算",
                    "该预算由您本人（" + submittedBy.username() + "）提交，按职责分离要求，须由其他审核人员批准。");
        }
        approvedBy = by;
        approvedAt = now;
        record(BudgetAction.APPROVE, to, by, now, null, null);
        publish(EventTypes.BUDGET_APPROVED_V2, now, new BudgetApprovedV2(id, departmentCode, fiscalYear, revision,
                replacesBudgetId, submittedBy, by, now, BudgetPayloads.toPayload(submission), names));
    }

    private void record(BudgetAction action, BudgetStatus to, Actor by, Instant now, String note,
                        List<Acknowledgement> acknowledged) {
        history.add(new HistoryEntry(HistoryEntry.Step.of(action), status, to, by, now, note, acknowledged));
        status = to;
        updatedAt = now;
        updatedBy = by;
    }

    private void publish(String type, Instant now, Object payload) {
        String key = BudgetApproved.key(departmentCode, fiscalYear);
        OutboxMessage message = OutboxMessage.of(Topics.BUDGET_EVENTS, key,
                EventJson.envelope(type, SOURCE, key, now, payload));
        outbox.add(message);
        recorded.add(message);
    }

    private static DomainException fieldError(String field, String message) {
        return DomainException.badRequest("validation", message,
                Map.of("errors", List.of(Map.of("field", field, "message", message))));
    }

    public String id() {
        return id;
    }

    public String departmentCode() {
        return departmentCode;
    }

    public int fiscalYear() {
        return fiscalYear;
    }

    public int revision() {
        return revision;
    }

    public String replacesBudgetId() {
        return replacesBudgetId;
    }

    public BudgetStatus status() {
        return status;
    }

    public BudgetContent submission() {
        return submission;
    }

    public List<Acknowledgement> acknowledgements() {
        return List.copyOf(acknowledgements);
    }

    public String returnReason() {
        return returnReason;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Actor createdBy() {
        return createdBy;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Actor updatedBy() {
        return updatedBy;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public Actor submittedBy() {
        return submittedBy;
    }

    public Instant approvedAt() {
        return approvedAt;
    }

    public Actor approvedBy() {
        return approvedBy;
    }

    /** Whether this revision was ever submitted (a returned draft was; only a draft never submitted may be deleted). */
    public boolean everSubmitted() {
        return submittedAt != null || history.stream().anyMatch(h -> h.step() == HistoryEntry.Step.SUBMITTED);
    }

    public List<HistoryEntry> history() {
        return List.copyOf(history);
    }

    public Long version() {
        return version;
    }

    /** Events recorded with changes and not yet relayed (the relay removes them once Kafka has them). */
    public List<OutboxMessage> pendingEvents() {
        return List.copyOf(outbox);
    }

    /** The events this object recorded since it was loaded; the aggregate store appends exactly these. */
    @Override
    public List<OutboxMessage> recordedEvents() {
        return List.copyOf(recorded);
    }

    @Override
    public void recordedEventsStored() {
        recorded.clear();
    }
}

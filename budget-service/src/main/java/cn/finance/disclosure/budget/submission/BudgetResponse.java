package cn.finance.disclosure.budget.submission;

import cn.finance.disclosure.events.Actor;

import java.time.Instant;
import java.util.List;

/**
 * A budget revision as clients read it: its content exactly as submitted, where it stands, what may be done next,
 * and its history (who did what, when and why). People appear by user name. The content is shown in the shape a
 * request sends it ({@link BudgetRequest}), never as the stored type or an event's payload.
 */
public record BudgetResponse(String id, String departmentCode, int fiscalYear, int revision, String replacesBudgetId,
                             String status, String statusLabel, List<String> allowedActions,
                             BudgetRequest submission, List<Acknowledgement> acknowledgements,
                             String returnReason, Instant createdAt, String createdBy, Instant updatedAt,
                             String updatedBy, Instant submittedAt, String submittedBy, Instant approvedAt,
                             String approvedBy, List<Step> history, long version) {

    public record Step(String step, String stepLabel, String from, String to, String by, Instant at, String note,
                       List<Acknowledgement> acknowledgements) {

        static Step of(HistoryEntry e) {
            return new Step(e.step().name(), e.step().label(), e.from() == null ? null : e.from().name(),
                    e.to().name(), name(e.by()), e.at(), e.note(), e.acknowledgements());
        }
    }

    public static BudgetResponse of(Budget b) {
        return new BudgetResponse(b.id(), b.departmentCode(), b.fiscalYear(), b.revision(), b.replacesBudgetId(),
                b.status().name(), b.status().label(),
                b.status().allowedActions().stream().map(Enum::name).toList(), BudgetRequest.of(b.submission()),
                b.acknowledgements(), b.returnReason(), b.createdAt(), name(b.createdBy()), b.updatedAt(),
                name(b.updatedBy()), b.submittedAt(), name(b.submittedBy()), b.approvedAt(), name(b.approvedBy()),
                b.history().stream().map(Step::of).toList(), b.version() == null ? 0 : b.version());
    }

    private static String name(Actor actor) {
        return actor == null ? null : actor.username();
    }
}

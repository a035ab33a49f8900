package cn.finance.disclosure.budget.submission;

import cn.finance.disclosure.events.Actor;

import java.time.Instant;
import java.util.List;

/**
 * One step of a budget's life: what happened, from which status to which, who did it, when, and why (a return's
 * reason, a revision's origin, a submission's acknowledged warnings).
 */
public record HistoryEntry(Step step, BudgetStatus from, BudgetStatus to, Actor by, Instant at, String note,
                           List<Acknowledgement> acknowledgements) {

    public HistoryEntry {
        acknowledgements = acknowledgements == null ? List.of() : List.copyOf(acknowledgements);
    }

    public enum Step {
        CREATED("创建"),
        REVISION_CREATED("创建修订版本"),
        EDITED("修改"),
        SUBMITTED("提交"),
        RETURNED("退回"),
        APPROVED("批准");

        private final String label;

        Step(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        static Step of(BudgetAction action) {
            return switch (action) {
                case EDIT -> EDITED;
                case SUBMIT -> SUBMITTED;
                case RETURN -> RETURNED;
                case APPROVE -> APPROVED;
                case REVISE -> REVISION_CREATED;
            };
        }
    }
}

package cn.finance.disclosure.budget.submission;

import java.time.Instant;

/** One budget in a list: what it is and where it stands, without its content. */
public record BudgetSummary(String id, String departmentCode, int fiscalYear, int revision, String replacesBudgetId,
                            String status, String statusLabel, Instant updatedAt, Instant submittedAt,
                            Instant approvedAt, long version) {

    static BudgetSummary of(Budget b) {
        return new BudgetSummary(b.id(), b.departmentCode(), b.fiscalYear(), b.revision(), b.replacesBudgetId(),
                b.status().name(), b.status().label(), b.updatedAt(), b.submittedAt(), b.approvedAt(),
                b.version() == null ? 0 : b.version());
    }
}

package cn.finance.disclosure.events.budget;

import cn.finance.disclosure.events.Actor;

import java.time.Instant;

/**
 * budget.approved.v2, key = departmentCode/fiscalYear: {@link BudgetApproved} (v1) plus the catalog names of the
 * codes the budget uses ({@code classification}), so the publication side names every 类/款/项 as that year's catalog
 * does. budget-service publishes v2 only; consumers still accept v1 (older events on the topic).
 */
public record BudgetApprovedV2(
        String budgetId,
        String departmentCode,
        int fiscalYear,
        int revision,
        String replacesBudgetId,
        Actor submittedBy,
        Actor approvedBy,
        Instant approvedAt,
        BudgetSubmission submission,
        ClassificationNames classification) {

    /** A v1 event read as v2: no catalog names. */
    public static BudgetApprovedV2 fromV1(BudgetApproved v1) {
        return new BudgetApprovedV2(v1.budgetId(), v1.departmentCode(), v1.fiscalYear(), v1.revision(),
                v1.replacesBudgetId(), v1.submittedBy(), v1.approvedBy(), v1.approvedAt(), v1.submission(), null);
    }
}

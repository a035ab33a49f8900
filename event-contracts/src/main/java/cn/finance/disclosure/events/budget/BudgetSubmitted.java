package cn.finance.disclosure.events.budget;

import cn.finance.disclosure.events.Actor;

import java.time.Instant;

/** budget.submitted.v1, key = departmentCode/fiscalYear. */
public record BudgetSubmitted(
        String budgetId,
        String departmentCode,
        int fiscalYear,
        int revision,
        Actor submittedBy,
        Instant submittedAt) {
}

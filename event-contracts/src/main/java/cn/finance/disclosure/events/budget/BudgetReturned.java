package cn.finance.disclosure.events.budget;

import cn.finance.disclosure.events.Actor;

import java.time.Instant;

/** budget.returned.v1, key = departmentCode/fiscalYear. */
public record BudgetReturned(
        String budgetId,
        String departmentCode,
        int fiscalYear,
        int revision,
        String reason,
        Actor returnedBy,
        Instant returnedAt) {
}

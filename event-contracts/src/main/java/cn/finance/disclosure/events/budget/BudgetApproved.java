package cn.finance.disclosure.events.budget;

import cn.finance.disclosure.events.Actor;

import java.time.Instant;

/**
 * budget.approved.v1, key = departmentCode/fiscalYear. Carries the complete approved submission, so the
 * publication side never needs to ask budget-service anything. {@code replacesBudgetId} links a later revision to
 * the approved one it replaces (null for revision 1).
 */
public record BudgetApproved(
        String budgetId,
        String departmentCode,
        int fiscalYear,
        int revision,
        String replacesBudgetId,
        Actor submittedBy,
        Actor approvedBy,
        Instant approvedAt,
        BudgetSubmission submission) {

    public static String key(String departmentCode, int fiscalYear) {
        return departmentCode + "/" + fiscalYear;
    }
}

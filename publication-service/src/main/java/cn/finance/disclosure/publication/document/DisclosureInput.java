package cn.finance.disclosure.publication.document;

import cn.finance.disclosure.events.budget.BudgetSubmission;
import cn.finance.disclosure.events.department.ProfileSnapshot;

import java.util.Objects;

/**
 * Everything a disclosure is generated from: the department as registered (code and full name, e.g.
 * 重庆市綦江区总工会（本级）), its profile for the fiscal year and its approved budget.
 */
public record DisclosureInput(
        String departmentCode,
        String departmentName,
        ProfileSnapshot profile,
        BudgetSubmission budget) {

    public DisclosureInput {
        Objects.requireNonNull(departmentCode, "departmentCode");
        Objects.requireNonNull(departmentName, "departmentName");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(budget.fiscalYear(), "budget.fiscalYear");
    }
}

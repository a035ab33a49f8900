package cn.finance.disclosure.publication.document;

import cn.finance.disclosure.model.BudgetContent;
import cn.finance.disclosure.model.CodeNames;

import java.util.Objects;

/**
 * Everything a disclosure is generated from: the department as registered (code, full name, e.g.
 * 重庆市綦江区总工会（本级）, and its kind and level), its profile for the fiscal year, its approved budget and the
 * catalog names the approval carried ({@code null} for an approval that carried none).
 */
public record DisclosureInput(
        String departmentCode,
        String departmentName,
        ProfileContent profile,
        BudgetContent budget,
        UnitType unit,
        CodeNames names) {

    public DisclosureInput {
        Objects.requireNonNull(departmentCode, "departmentCode");
        Objects.requireNonNull(departmentName, "departmentName");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(budget.fiscalYear(), "budget.fiscalYear");
        unit = unit == null ? UnitType.DEFAULT : unit;
    }

    public DisclosureInput(String departmentCode, String departmentName, ProfileContent profile,
                           BudgetContent budget) {
        this(departmentCode, departmentName, profile, budget, UnitType.DEFAULT, null);
    }
}

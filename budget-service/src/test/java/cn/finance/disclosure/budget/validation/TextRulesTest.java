package cn.finance.disclosure.budget.validation;

import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.finance.disclosure.budget.validation.SeedBudgets.*;
import static org.assertj.core.api.Assertions.assertThat;

class TextRulesTest {

    @Test
    void missingRevenueSectionIsOneErrorAndNoArithmeticOnIt() {
        List<Finding> findings = validate(edited(t -> t.remove("revenue")));

        assertThat(keys(findings)).containsExactly(
                "V13-REQUIRED-MISSING@revenue", "V03-ROUNDING-FUNCTION-CLASSES@expenditureLines");
        assertThat(findings.get(0).message()).contains("收入预算");
    }

    @Test
    void emptySubmissionGivesOnlyMissingFieldErrorsAndNeverFails() {
        var empty = new cn.finance.disclosure.model.BudgetContent(null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null);

        List<Finding> findings = validate(empty);

        assertThat(findings).isNotEmpty().allMatch(f -> f.ruleId().equals("V13-REQUIRED-MISSING"));
        assertThat(keys(findings)).contains("V13-REQUIRED-MISSING@fiscalYear", "V13-REQUIRED-MISSING@revenue",
                "V13-REQUIRED-MISSING@expenditureLines", "V13-REQUIRED-MISSING@priorYear");
    }

    @Test
    void missingAmountIsAnErrorNamingItInChinese() {
        List<Finding> findings = validate(edited(t -> remove(t, "priorYear.revenue.otherRevenue")));

        Finding missing = only(findings, "V13-REQUIRED-MISSING");
        assertThat(missing.path()).isEqualTo("priorYear.revenue.otherRevenue");
        assertThat(missing.message()).contains("上年比较数 › 收入预算 › 其他收入");
    }

    @Test
    void noExpenditureLinesIsAnError() {
        assertThat(keysOf(t -> array(t, "expenditureLines").removeAll()))
                .startsWith("V13-REQUIRED-MISSING@expenditureLines");
    }

    @Test
    void basicUseTextMissingWhileThereIsBasicMoneyIsAnError() {
        assertThat(keys(newFindings(t -> set(t, "basicExpenditureUse", ""))))
                .containsExactly("V13-BASIC-USE-MISSING@basicExpenditureUse");
    }

    @Test
    void projectUseTextMissingWhileThereIsProjectMoneyIsAnError() {
        assertThat(keys(newFindings(t -> set(t, "projectExpenditureUse", "  "))))
                .containsExactly("V13-PROJECT-USE-MISSING@projectExpenditureUse");
    }

    @Test
    void projectUseTextIsNotNeededWithoutProjectMoney() {
        assertThat(keysOf(t -> {
            withoutProjects(t);
            set(t, "projectExpenditureUse", "");
        })).noneMatch(key -> key.startsWith("V13-"));
    }

    @Test
    void operatingExpensesUseTextMissingIsAnError() {
        assertThat(keys(newFindings(t -> remove(t, "operatingExpensesUse"))))
                .containsExactly("V13-OPERATING-USE-MISSING@operatingExpensesUse");
    }

    @Test
    void placeholderInAnExplanationIsAnError() {
        List<Finding> fresh = newFindings(t -> set(t, "changeExplanations.revenue", "人员减少经费拨款减少XX万元"));

        assertThat(keys(fresh)).containsExactly("V14-PLACEHOLDER@changeExplanations.revenue");
        assertThat(fresh.get(0).severity()).isEqualTo(Severity.ERROR);
        assertThat(fresh.get(0).figures()).containsEntry("placeholder", "XX");
    }

    @Test
    void placeholdersOfEveryKindAreFoundInEveryText() {
        assertThat(keys(newFindings(t -> {
            set(t, "projects[0].performanceTargets[0].target", "不少于××场");
            set(t, "basicExpenditureUse", "TODO");
            set(t, "projects[0].name", "待填");
            set(t, "operatingExpensesUse", "办公费等（待补充）");
        }))).containsExactly(
                "V14-PLACEHOLDER@basicExpenditureUse",
                "V14-PLACEHOLDER@operatingExpensesUse",
                "V14-PLACEHOLDER@projects[0].name",
                "V14-PLACEHOLDER@projects[0].performanceTargets[0].target");
    }
}

package cn.finance.disclosure.budget.validation;

import cn.finance.disclosure.events.Yuan;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.finance.disclosure.budget.validation.SeedBudgets.*;
import static org.assertj.core.api.Assertions.assertThat;

class YearOverYearRulesTest {

    @Test
    void enteringThePriorYearCarryOverResolvesTheChangeMismatch() {
        // the revenue explanation's "减少96.8万元" no longer matches the revenue change, and is reported
        assertThat(keysOf(t -> set(t, "priorYear.revenue.priorYearCarryover", "160000.00")))
                .containsExactly("V06-EXPLANATION-FIGURE-UNMATCHED@changeExplanations.revenue", "V03-ROUNDING-FUNCTION-CLASSES@expenditureLines");
    }

    @Test
    void aFallInFundMoneyMatchingARiseInGeneralBudgetSpendingIsNoMismatch() {
        // prior year balances in total; per source, general-budget spending exceeded general-budget revenue by what
        // fund revenue exceeded fund spending: a shift between sources, not a contradiction
        assertThat(keysOf(t -> set(t, "priorYear.revenue.governmentFundBudgetAppropriation", "160000.00")))
                .containsExactly("V06-EXPLANATION-FIGURE-UNMATCHED@changeExplanations.revenue", "V03-ROUNDING-FUNCTION-CLASSES@expenditureLines");
    }

    @Test
    void aGapOutsideTheAppropriationsIsStillOneWarningSayingWhereItIsNot() {
        List<Finding> findings = validate(edited(t -> {
            set(t, "priorYear.revenue.generalPublicBudgetAppropriation", "3894200.00");
            set(t, "priorYear.revenue.otherRevenue", "50000.00");
        }));

        Finding delta = only(findings, "V06-REVENUE-EXPENDITURE-DELTA");
        assertThat(delta.figures())
                .containsEntry("revenueChange", Yuan.of("-1178000.00"))
                .containsEntry("expenditureChange", Yuan.of("-1128000.00"))
                .doesNotContainKey("generalPublicBudgetRevenueChange");
        assertThat(delta.message()).contains("差额不在一般公共预算拨款和政府性基金预算拨款");
    }

    @Test
    void aFundSourceGapIsNamedInTheSameWarning() {
        List<Finding> findings = validate(edited(t -> {
            legacyPrior(t);
            set(t, "priorYear.governmentFundExpenditure", "100.00");
        }));

        Finding delta = only(findings, "V06-REVENUE-EXPENDITURE-DELTA");
        assertThat(delta.figures())
                .containsEntry("governmentFundRevenueChange", Yuan.ZERO)
                .containsEntry("governmentFundExpenditureChange", Yuan.of("-100.00"));
    }

    @ParameterizedTest(name = "{0} changed without an explanation")
    @CsvSource({
            "revenue, V06-REVENUE-CHANGE-UNEXPLAINED",
            "expenditure, V06-EXPENDITURE-CHANGE-UNEXPLAINED",
            "basicExpenditure, V06-BASIC-CHANGE-UNEXPLAINED",
            "projectExpenditure, V06-PROJECT-CHANGE-UNEXPLAINED",
            "operatingExpenses, V06-OPERATING-EXPENSES-CHANGE-UNEXPLAINED"})
    void headlineFigureChangedWithoutAnExplanationIsAWarning(String field, String ruleId) {
        List<Finding> fresh = newFindings(t -> set(t, "changeExplanations." + field, " "));

        assertThat(keys(fresh)).containsExactly(ruleId + "@changeExplanations." + field);
        assertThat(fresh.get(0).severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void unchangedFigureNeedsNoExplanation() {
        assertThat(newFindings(t -> {
            set(t, "priorYear.operatingExpenses", "412500.00");
            set(t, "changeExplanations.operatingExpenses", "");
        })).isEmpty();
    }

    @Test
    void operatingExpensesChangeWarningCarriesTheFigures() {
        Finding unexplained = only(newFindings(t -> remove(t, "changeExplanations.operatingExpenses")),
                "V06-OPERATING-EXPENSES-CHANGE-UNEXPLAINED");

        assertThat(unexplained.figures())
                .containsEntry("current", Yuan.of("412500.00"))
                .containsEntry("prior", Yuan.of("556000.00"))
                .containsEntry("changeWanYuan", "-14.35");
        assertThat(unexplained.message()).contains("机关运行经费较2023年减少14.35万元");
    }

    @Test
    void priorYearBasicPlusProjectDifferentFromItsTotalIsAWarning() {
        assertThat(keys(newFindings(t -> {
            legacyPrior(t);
            set(t, "priorYear.projectExpenditure", "217000.00");
        })))
                .containsExactly("V06-PRIOR-YEAR-BASIC-PROJECT@priorYear.expenditureTotal",
                        "V06-EXPLANATION-FIGURE-UNMATCHED@changeExplanations.expenditure");
    }

    @Test
    void priorYearSourcesAboveItsTotalIsAWarning() {
        assertThat(keys(newFindings(t -> {
            legacyPrior(t);
            set(t, "priorYear.governmentFundExpenditure", "100.00");
        })))
                .containsExactly("V06-PRIOR-YEAR-FUND-SPLIT@priorYear.generalPublicBudgetAppropriationExpenditure");
    }

    @Test
    void missingPriorYearSkipsTheComparisons() {
        assertThat(keysOf(t -> t.remove("priorYear")))
                .containsExactly("V13-REQUIRED-MISSING@priorYear", "V03-ROUNDING-FUNCTION-CLASSES@expenditureLines");
    }
}

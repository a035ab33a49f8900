package cn.finance.disclosure.budget.validation;

import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.finance.disclosure.budget.validation.SeedBudgets.*;
import static org.assertj.core.api.Assertions.assertThat;

class ExplanationFigureRulesTest {

    @Test
    void givenTheSeedsExplanations_thenEveryNumberInThemIsAFigureOfTheBudget() {
        assertThat(newFindings(t -> { })).isEmpty();
        assertThat(keys(validate(seed()))).noneMatch(k -> k.startsWith("V06-EXPLANATION-FIGURE-UNMATCHED"));
    }

    @Test
    void givenANumberThatMatchesNoFigureOfItsContext_thenAWarningNamesItAndWhatItCouldHaveMeant() {
        List<Finding> fresh = newFindings(t -> set(t, "changeExplanations.expenditure",
                "基本支出预算减少92.5万元，项目支出预算减少20.75万元"));

        assertThat(keys(fresh)).containsExactly("V06-EXPLANATION-FIGURE-UNMATCHED@changeExplanations.expenditure");
        Finding f = fresh.getFirst();
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.message()).contains("92.5万元").contains("基本支出较上年变动92.05万元");
        assertThat(f.figures()).containsEntry("number", "92.5万元");
    }

    @Test
    void givenARevenueFigureInTheOperatingExpensesExplanation_thenItIsNotOfThatContext() {
        List<Finding> fresh = newFindings(t -> set(t, "changeExplanations.operatingExpenses", "人员减少96.8万元"));

        assertThat(keys(fresh)).containsExactly("V06-EXPLANATION-FIGURE-UNMATCHED@changeExplanations.operatingExpenses");
    }
}

package cn.finance.disclosure.budget.validation;

import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.finance.disclosure.budget.validation.SeedBudgets.*;
import static org.assertj.core.api.Assertions.assertThat;

class RoundingRulesTest {

    @Test
    void basicAndProjectRoundingAboveTheTotalIsInfo() {
        // basic 2756250 → 275.63, project 9950 → 1.00 (0.995 half-up), total 2766200 → 276.62
        List<Finding> findings = validate(edited(t -> {
            set(t, "expenditureLines[0].basic", "1721130.00");
            set(t, "expenditureLines[1].project", "9950.00");
            set(t, "basicExpenditureByEconomicClass[0].amount", "2043750.00");
            set(t, "projects[0].amount", "9950.00");
            set(t, "performanceManagedProjectAmount", "9950.00");
        }));

        Finding gap = only(findings, "V04-ROUNDING-BASIC-PROJECT");
        assertThat(gap.severity()).isEqualTo(Severity.INFO);
        assertThat(gap.figures())
                .containsEntry("basicWanYuan", "275.63")
                .containsEntry("projectWanYuan", "1")
                .containsEntry("partsSumWanYuan", "276.63")
                .containsEntry("totalWanYuan", "276.62");
        assertThat(findings).noneMatch(f -> f.severity() == Severity.ERROR);
    }

    @Test
    void roundedChangesOfBasicAndProjectMissingTheExpenditureChangeIsInfo() {
        // Δbasic −920450 → −92.05, Δproject −207550 → −20.76, Δtotal −1128000 → −112.8
        List<Finding> fresh = newFindings(t -> {
            set(t, "priorYear.expenditure[0].basic", "3676650.00");
            set(t, "priorYear.expenditure[0].project", "217550.00");
        });

        assertThat(keys(fresh)).containsExactly("V06-EXPLANATION-FIGURE-UNMATCHED@changeExplanations.expenditure",
                "V06-ROUNDING-CHANGES@changeExplanations.expenditure");
        assertThat(fresh.get(1).figures())
                .containsEntry("partsSumWanYuan", "-112.81")
                .containsEntry("totalWanYuan", "-112.8");
    }

    @Test
    void noRoundingInfoWhenTheYuanFiguresDoNotBalance() {
        assertThat(keysOf(t -> set(t, "basicExpenditureByEconomicClass[0].amount", "2043749.00")))
                .noneMatch(key -> key.startsWith("V04-ROUNDING"));
    }
}

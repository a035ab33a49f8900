package cn.finance.disclosure.budget.validation;

import cn.finance.disclosure.events.Yuan;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.finance.disclosure.budget.validation.SeedBudgets.*;
import static org.assertj.core.api.Assertions.assertThat;

class BalanceRulesTest {

    @Test
    void revenueAboveExpenditureIsOneErrorNamingTheSourceAndSuppressesTheChangeWarning() {
        List<Finding> findings = validate(edited(t -> set(t, "revenue.otherRevenue", "100.00")));

        assertThat(keys(findings)).containsExactly(
                "V01-REVENUE-EXPENDITURE@revenue", "V03-ROUNDING-FUNCTION-CLASSES@expenditureLines");
        Finding error = findings.get(0);
        assertThat(error.severity()).isEqualTo(Severity.ERROR);
        assertThat(error.figures())
                .containsEntry("revenueTotal", Yuan.of("2766300.00"))
                .containsEntry("expenditureTotal", Yuan.of("2766200.00"))
                .containsEntry("otherRevenue", Yuan.of("100.00"))
                .containsEntry("otherRevenueExpenditure", Yuan.ZERO);
        assertThat(error.message()).contains("其他收入", "相差100.00元");
    }

    @Test
    void revenueOneFenShortIsAnErrorShownInYuan() {
        List<Finding> findings = validate(edited(t -> set(t, "revenue.generalPublicBudgetAppropriation", "2766199.99")));

        Finding error = only(findings, "V01-REVENUE-EXPENDITURE");
        assertThat(error.message()).contains("2766199.99元", "2766200.00元");
    }

    @Test
    void moneyOfOneSourceBookedUnderAnotherIsAnErrorPerSourceWhenTotalsBalance() {
        List<Finding> fresh = newFindings(t -> set(t, "expenditureLines[1].fundSource", "OTHER"));

        assertThat(keys(fresh)).containsExactly(
                "V05-FUND-SOURCE-BALANCE@revenue.generalPublicBudgetAppropriation",
                "V05-FUND-SOURCE-BALANCE@revenue.otherRevenue");
        assertThat(fresh.get(0).figures())
                .containsEntry("revenue", Yuan.of("2766200.00"))
                .containsEntry("expenditure", Yuan.of("2756200.00"));
    }

    @Test
    void basicByEconomicClassDifferentFromBasicOfTheLinesIsAnError() {
        List<Finding> fresh = newFindings(t -> set(t, "basicExpenditureByEconomicClass[0].amount", "2043000.00"));

        assertThat(keys(fresh)).containsExactly("V04-BASIC-ECONOMIC-TOTAL@basicExpenditureByEconomicClass");
        assertThat(fresh.get(0).figures())
                .containsEntry("economicClassTotal", Yuan.of("2755500.00"))
                .containsEntry("basicTotal", Yuan.of("2756200.00"));
    }

    @Test
    void sectionsListedBelowTheirClassAreABreakdownNotAnAddition() {
        assertThat(newFindings(t -> {
            addEconomic(t, "30201", "办公费", "300000.00");
            addEconomic(t, "30211", "差旅费", "100000.00");
        })).isEmpty();
    }

    @Test
    void sectionsAddingUpToMoreThanTheirClassAreAnError() {
        List<Finding> fresh = newFindings(t -> addEconomic(t, "30201", "办公费", "500000.00"));

        assertThat(keys(fresh)).containsExactly(
                "V04-ECONOMIC-BREAKDOWN-EXCEEDS-CLASS@basicExpenditureByEconomicClass[1].amount");
    }

    @Test
    void projectsDifferentFromProjectMoneyOfTheLinesIsOneError() {
        List<Finding> fresh = newFindings(t -> set(t, "projects[0].amount", "12000.00"));

        assertThat(keys(fresh)).containsExactly("V04-PROJECTS-TOTAL@projects");
        assertThat(fresh.get(0).severity()).isEqualTo(Severity.ERROR);
    }

    @Test
    void projectWhoseFunctionCodeHasNoProjectMoneyIsAnError() {
        List<Finding> fresh = newFindings(t -> set(t, "projects[0].functionCode", "2012902"));

        assertThat(keys(fresh)).containsExactly("V04-PROJECT-FUNCTION-WITHOUT-LINE@projects[0].functionCode");
        assertThat(fresh.get(0).message()).contains("产业工人队伍建设改革", "2012902");
    }

    @Test
    void projectMoneyBookedUnderAnotherFunctionCodeIsAnError() {
        List<Finding> fresh = newFindings(t -> {
            set(t, "expenditureLines[0].project", "5000.00");
            set(t, "expenditureLines[1].project", "5000.00");
        });

        assertThat(keys(fresh)).containsExactly("V04-PROJECT-FUNCTION-MISMATCH@projects[0].functionCode");
    }
}

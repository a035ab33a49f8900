package cn.finance.disclosure.budget.validation;

import cn.finance.disclosure.budget.catalog.BundledCatalogs;
import cn.finance.disclosure.events.Yuan;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.finance.disclosure.budget.validation.SeedBudgets.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeedFindingsTest {

    private final List<Finding> findings = validate(seed());

    @Test
    void seedHasNoErrorOneWarningAndOneInfo() {
        assertThat(findings).extracting(Finding::ruleId, Finding::severity, Finding::path).containsExactly(
                org.assertj.core.groups.Tuple.tuple("V06-REVENUE-EXPENDITURE-DELTA", Severity.WARNING, "priorYear"),
                org.assertj.core.groups.Tuple.tuple("V03-ROUNDING-FUNCTION-CLASSES", Severity.INFO, "expenditureLines"));
    }

    @Test
    void seedRevenueChangeDisagreesWithExpenditureChangeByOneWarningWithBothChanges() {
        Finding delta = findings.get(0);

        assertThat(delta.figures())
                .containsEntry("revenueChange", Yuan.of("-968000.00"))
                .containsEntry("expenditureChange", Yuan.of("-1128000.00"))
                .containsEntry("revenueChangeWanYuan", "-96.8")
                .containsEntry("expenditureChangeWanYuan", "-112.8")
                .containsEntry("difference", Yuan.of("160000.00"))
                .containsEntry("priorRevenue", Yuan.of("3734200.00"))
                .containsEntry("priorExpenditure", Yuan.of("3894200.00"))
                .containsEntry("generalPublicBudgetRevenueChange", Yuan.of("-968000.00"))
                .containsEntry("generalPublicBudgetExpenditureChange", Yuan.of("-1128000.00"))
                .doesNotContainKey("governmentFundRevenueChange");
        assertThat(delta.message())
                .contains("收入较2023年减少96.8万元", "支出较2023年减少112.8万元", "上年结转", "373.42万元", "389.42万元",
                        "一般公共预算拨款");
    }

    @Test
    void seedFiveFunctionClassesRoundToOneHundredthMoreThanTheTotalAsInfo() {
        Finding rounding = findings.get(1);

        assertThat(rounding.figures())
                .containsEntry("class201WanYuan", "173.11")
                .containsEntry("class205WanYuan", "0")
                .containsEntry("class208WanYuan", "73.46")
                .containsEntry("class210WanYuan", "14.28")
                .containsEntry("class221WanYuan", "15.78")
                .containsEntry("partsSumWanYuan", "276.63")
                .containsEntry("totalWanYuan", "276.62")
                .containsEntry("gapWanYuan", "0.01")
                .containsEntry("total", Yuan.of("2766200.00"))
                .containsEntry("class201", Yuan.of("1731080.00"));
        assertThat(rounding.message()).contains("276.63万元", "276.62万元", "一般公共服务支出173.11万元", "教育支出0万元");
    }

    @Test
    void validationIsDeterministic() {
        assertThat(validate(seed())).isEqualTo(findings);
    }

    @Test
    void catalogOfAnotherYearIsRefused() {
        var catalog2025 = new BundledCatalogs().find(2025).orElseThrow();

        assertThatThrownBy(() -> new BudgetValidator().validate(seed(), catalog2025))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void findingsAreImmutableAndFiguresAreYuanOrText() {
        assertThatThrownBy(() -> findings.get(0).figures().put("x", "y"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> new Finding("X", Severity.INFO, "m", java.util.Map.of("n", 1), "p"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

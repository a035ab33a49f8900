package cn.finance.disclosure.budget.validation;

import cn.finance.disclosure.events.Yuan;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.finance.disclosure.budget.validation.SeedBudgets.*;
import static org.assertj.core.api.Assertions.assertThat;

class OtherMattersRulesTest {

    @Test
    void operatingExpensesDifferentFromBasicGoodsAndServicesIsAWarning() {
        List<Finding> fresh = newFindings(t -> set(t, "operatingExpenses", "400000.00"));

        assertThat(keys(fresh)).containsExactly("V08-OPERATING-EXPENSES-302@operatingExpenses");
        assertThat(fresh.get(0).figures())
                .containsEntry("operatingExpenses", Yuan.of("400000.00"))
                .containsEntry("basicGoodsAndServices", Yuan.of("412500.00"));
    }

    @Test
    void operatingExpensesCompareWithTheListedSectionsWhenClass302IsNotListed() {
        assertThat(newFindings(t -> {
            set(t, "basicExpenditureByEconomicClass[1].economicCode", "30201");
            set(t, "basicExpenditureByEconomicClass[1].economicName", "办公费");
            set(t, "basicExpenditureByEconomicClass[1].amount", "400000.00");
            addEconomic(t, "30217", "公务接待费", "4000.00");
            addEconomic(t, "30299", "其他商品和服务支出", "8500.00");
        })).isEmpty();
    }

    @Test
    void generalBudgetProcurementAboveItsKindAndAboveTheTotalAreErrors() {
        List<Finding> fresh = newFindings(t -> {
            set(t, "governmentProcurement.goods", "1000.00");
            set(t, "governmentProcurement.generalPublicBudgetGoods", "2000.00");
        });

        assertThat(keys(fresh)).containsExactly(
                "V09-PROCUREMENT-GENERAL-BUDGET-EXCEEDS@governmentProcurement.generalPublicBudgetGoods",
                "V09-PROCUREMENT-GENERAL-BUDGET-TOTAL-EXCEEDS@governmentProcurement");
        assertThat(fresh).allMatch(f -> f.severity() == Severity.ERROR);
    }

    @Test
    void generalBudgetProcurementWithinItsKindIsFine() {
        assertThat(newFindings(t -> {
            set(t, "governmentProcurement.services", "3000.00");
            set(t, "governmentProcurement.generalPublicBudgetServices", "3000.00");
        })).isEmpty();
    }

    @Test
    void performanceManagedAmountBelowProjectExpenditureIsAWarning() {
        List<Finding> fresh = newFindings(t -> set(t, "performanceManagedProjectAmount", "5000.00"));

        assertThat(keys(fresh)).containsExactly("V10-PERFORMANCE-MANAGED-AMOUNT@performanceManagedProjectAmount");
        assertThat(fresh.get(0).severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void performanceManagedAmountAboveProjectExpenditureIsAnError() {
        List<Finding> fresh = newFindings(t -> set(t, "performanceManagedProjectAmount", "20000.00"));

        assertThat(keys(fresh)).containsExactly("V10-PERFORMANCE-MANAGED-EXCEEDS@performanceManagedProjectAmount");
        assertThat(fresh.get(0).severity()).isEqualTo(Severity.ERROR);
    }

    @Test
    void projectWithoutPerformanceTargetsIsAWarning() {
        assertThat(keys(newFindings(t -> array(t, "projects[0].performanceTargets").removeAll())))
                .containsExactly("V10-PROJECT-WITHOUT-TARGETS@projects[0].performanceTargets");
    }

    @Test
    void vehiclesHeldNotAddingUpIsAnError() {
        assertThat(keys(newFindings(t -> set(t, "assets.vehiclesTotal", 1))))
                .containsExactly("V11-VEHICLES-HELD-SPLIT@assets.vehiclesTotal");
    }

    @Test
    void plannedPurchasesNotAddingUpIsAnErrorAndWithoutPurchaseMoneyAWarning() {
        List<Finding> fresh = newFindings(t -> set(t, "assets.plannedVehiclePurchases", 1));

        assertThat(fresh).extracting(f -> f.ruleId() + "@" + f.path() + ":" + f.severity()).containsExactly(
                "V11-VEHICLES-PLANNED-SPLIT@assets.plannedVehiclePurchases:ERROR",
                "V11-PLANNED-PURCHASE-WITHOUT-FUNDS@assets.plannedVehiclePurchases:WARNING");
    }

    @Test
    void negativeVehicleCountIsAnError() {
        assertThat(keys(newFindings(t -> {
            set(t, "assets.generalOfficialVehicles", -1);
            set(t, "assets.lawEnforcementVehicles", 1);
        }))).containsExactly("V11-VEHICLE-COUNT-NEGATIVE@assets.generalOfficialVehicles");
    }

    @Test
    void runningCostsWithoutVehiclesAreAWarning() {
        assertThat(keysOf(t -> set(t, "threePublicExpenses.vehicleOperationAndMaintenance", "2000.00")))
                .contains("V11-VEHICLE-RUNNING-WITHOUT-VEHICLES@threePublicExpenses.vehicleOperationAndMaintenance");
    }

    @Test
    void runningCostsForAVehiclePlannedThisYearAreFine() {
        assertThat(keysOf(t -> {
            set(t, "threePublicExpenses.vehicleOperationAndMaintenance", "2000.00");
            set(t, "threePublicExpenses.vehiclePurchase", "150000.00");
            set(t, "assets.plannedVehiclePurchases", 1);
            set(t, "assets.plannedGeneralOfficialVehiclePurchases", 1);
        })).noneMatch(key -> key.startsWith("V11-"));
    }

    @Test
    void purchaseMoneyWithoutAPlannedVehicleIsAWarning() {
        assertThat(keysOf(t -> set(t, "threePublicExpenses.vehiclePurchase", "150000.00")))
                .contains("V11-PURCHASE-FUNDS-WITHOUT-PLAN@threePublicExpenses.vehiclePurchase");
    }

    @Test
    void priorYearOtherThanTheYearBeforeIsAnError() {
        assertThat(keys(newFindings(t -> set(t, "priorYear.fiscalYear", 2022))))
                .containsExactly("V12-PRIOR-YEAR@priorYear.fiscalYear");
    }

    @Test
    void assetsCountedAtAnotherDateThanTheEndOfThePriorYearIsAnError() {
        List<Finding> fresh = newFindings(t -> set(t, "assets.asOf", "2024-12"));

        assertThat(keys(fresh)).containsExactly("V12-ASSETS-AS-OF@assets.asOf");
        assertThat(fresh.get(0).figures()).containsEntry("expectedAsOf", "2023-12");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.EnumSource(cn.finance.disclosure.events.department.UnitKind.class)
    void operatingExpensesAgainst302OnlyWhereTheUnitKindHasThem(cn.finance.disclosure.events.department.UnitKind kind) {
        List<Finding> findings = new BudgetValidator().validate(
                edited(t -> set(t, "operatingExpenses", "400000.00")), CATALOG_2024, kind);

        boolean warned = keys(findings).contains("V08-OPERATING-EXPENSES-302@operatingExpenses");
        assertThat(warned).as(kind.name()).isEqualTo(kind.hasAgencyOperatingExpenses());
    }
}

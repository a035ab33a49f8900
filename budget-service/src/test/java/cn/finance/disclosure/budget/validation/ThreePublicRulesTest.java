package cn.finance.disclosure.budget.validation;

import cn.finance.disclosure.events.Yuan;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.finance.disclosure.budget.validation.SeedBudgets.*;
import static org.assertj.core.api.Assertions.assertThat;

class ThreePublicRulesTest {

    @Test
    void receptionAboveItsEconomicLineIsAWarningWhenProjectMoneyCouldPayForIt() {
        List<Finding> fresh = newFindings(t -> addEconomic(t, "30217", "公务接待费", "3000.00"));

        assertThat(keys(fresh)).containsExactly("V07-THREE-PUBLIC-EXCEEDS-ECONOMIC@threePublicExpenses.officialReception");
        assertThat(fresh.get(0).severity()).isEqualTo(Severity.WARNING);
        assertThat(fresh.get(0).figures())
                .containsEntry("officialReception", Yuan.of("4000.00"))
                .containsEntry("economicAmount", Yuan.of("3000.00"));
    }

    @Test
    void receptionAboveItsEconomicLineIsAnErrorWithoutProjectMoney() {
        List<Finding> findings = validate(edited(t -> {
            withoutProjects(t);
            addEconomic(t, "30217", "公务接待费", "3000.00");
        }));

        Finding exceeds = only(findings, "V07-THREE-PUBLIC-EXCEEDS-ECONOMIC");
        assertThat(exceeds.severity()).isEqualTo(Severity.ERROR);
        assertThat(findings).filteredOn(f -> f.severity() == Severity.ERROR).containsExactly(exceeds);
    }

    @Test
    void itemsAboveWhatTheirClassLeavesAreFlaggedWhenOnlyTheClassIsListed() {
        List<Finding> findings = validate(edited(t -> set(t, "threePublicExpenses.officialReception", "500000.00")));

        Finding exceeds = only(findings, "V07-THREE-PUBLIC-EXCEEDS-ECONOMIC");
        assertThat(exceeds.path()).isEqualTo("threePublicExpenses");
        assertThat(exceeds.figures())
                .containsEntry("economicClass", "302")
                .containsEntry("economicAmountAvailable", Yuan.of("412500.00"));
    }

    @Test
    void vehiclePurchaseWithoutAnyCapitalExpenditureIsFlagged() {
        List<Finding> findings = validate(edited(t -> set(t, "threePublicExpenses.vehiclePurchase", "200000.00")));

        assertThat(only(findings, "V07-THREE-PUBLIC-EXCEEDS-ECONOMIC").figures())
                .containsEntry("economicClass", "310")
                .containsEntry("economicAmountAvailable", Yuan.ZERO);
    }

    @Test
    void basicReceptionLineAboveTheReceptionItemIsAWarningWhenAllBasicMoneyIsGeneralBudget() {
        List<Finding> fresh = newFindings(t -> addEconomic(t, "30217", "公务接待费", "5000.00"));

        assertThat(keys(fresh)).containsExactly(
                "V07-ECONOMIC-EXCEEDS-THREE-PUBLIC@basicExpenditureByEconomicClass[3].amount");
    }

    @Test
    void basicReceptionLineAboveTheReceptionItemIsAcceptedWhenBasicMoneyHasOtherSources() {
        List<Finding> findings = validate(edited(t -> {
            addEconomic(t, "30217", "公务接待费", "5000.00");
            set(t, "expenditureLines[0].fundSource", "OTHER");
            set(t, "revenue.generalPublicBudgetAppropriation", "1045120.00");
            set(t, "revenue.otherRevenue", "1721080.00");
        }));

        assertThat(keys(findings)).doesNotContain(
                "V07-ECONOMIC-EXCEEDS-THREE-PUBLIC@basicExpenditureByEconomicClass[3].amount");
    }

    @Test
    void threePublicTotalAndItemAboveLastYearAreWarnings() {
        List<Finding> fresh = newFindings(t -> set(t, "priorYear.threePublicExpenses.officialReception", "3000.00"));

        assertThat(keys(fresh)).containsExactly(
                "V07-THREE-PUBLIC-INCREASE@threePublicExpenses",
                "V07-THREE-PUBLIC-ITEM-INCREASE@threePublicExpenses.officialReception");
        assertThat(fresh).allMatch(f -> f.severity() == Severity.WARNING);
        assertThat(fresh.get(0).figures()).containsEntry("change", Yuan.of("1000.00")).containsEntry("changeWanYuan", "0.1");
    }

    @Test
    void oneItemAboveLastYearIsAWarningEvenWhenTheTotalIsFlat() {
        List<Finding> fresh = newFindings(t -> {
            set(t, "priorYear.threePublicExpenses.officialReception", "3000.00");
            set(t, "priorYear.threePublicExpenses.outboundTravel", "1000.00");
        });

        assertThat(keys(fresh)).containsExactly("V07-THREE-PUBLIC-ITEM-INCREASE@threePublicExpenses.officialReception");
    }
}

package cn.finance.disclosure.publication.document;

import cn.finance.disclosure.events.Yuan;
import cn.finance.disclosure.events.budget.BudgetSubmission;
import cn.finance.disclosure.events.budget.BudgetSubmission.ExpenditureLine;
import cn.finance.disclosure.events.budget.BudgetSubmission.FundSource;
import cn.finance.disclosure.events.budget.BudgetSubmission.Revenue;
import cn.finance.disclosure.events.budget.BudgetSubmission.ThreePublicExpenses;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static cn.finance.disclosure.publication.document.Amounts.nz;

/**
 * The figures a disclosure states, derived once from the approved submission (exact yuan). Missing parts of a
 * submission count as zero or empty, so a sparse budget still yields a document; validation is budget-service's job.
 */
final class BudgetFigures {

    final BudgetSubmission budget;
    final int year;
    final Revenue revenue;
    final List<ExpenditureLine> lines;

    BudgetFigures(BudgetSubmission budget) {
        this.budget = budget;
        this.year = budget.fiscalYear();
        this.revenue = budget.revenue() == null ? emptyRevenue() : budget.revenue();
        this.lines = budget.expenditureLines() == null ? List.of()
                : budget.expenditureLines().stream().filter(Objects::nonNull).toList();
    }

    static Revenue emptyRevenue() {
        return new Revenue(null, null, null, null, null, null, null, null, null, null);
    }

    // --- revenue -------------------------------------------------------------------------------------------------

    /** 本年收入合计: every source but the carry-over. */
    static Yuan currentYearRevenue(Revenue r) {
        return nz(r.generalPublicBudgetAppropriation()).plus(nz(r.governmentFundBudgetAppropriation()))
                .plus(nz(r.stateCapitalOperatingBudgetAppropriation())).plus(nz(r.fiscalSpecialAccountFunds()))
                .plus(nz(r.businessRevenue())).plus(nz(r.publicInstitutionOperatingRevenue()))
                .plus(nz(r.superiorSubsidyRevenue())).plus(nz(r.subordinateUnitRemittance()))
                .plus(nz(r.otherRevenue()));
    }

    /** 收入总计: this year's revenue plus the carry-over. */
    static Yuan totalRevenue(Revenue r) {
        return currentYearRevenue(r).plus(nz(r.priorYearCarryover()));
    }

    Yuan revenueTotal() {
        return totalRevenue(revenue);
    }

    // --- expenditure ---------------------------------------------------------------------------------------------

    static Yuan lineTotal(ExpenditureLine line) {
        return nz(line.basic()).plus(nz(line.project()));
    }

    static Yuan total(List<ExpenditureLine> lines) {
        return Yuan.sum(lines.stream().map(BudgetFigures::lineTotal).toList());
    }

    static Yuan basic(List<ExpenditureLine> lines) {
        return Yuan.sum(lines.stream().map(l -> nz(l.basic())).toList());
    }

    static Yuan project(List<ExpenditureLine> lines) {
        return Yuan.sum(lines.stream().map(l -> nz(l.project())).toList());
    }

    List<ExpenditureLine> linesOf(FundSource source) {
        return lines.stream().filter(l -> l.fundSource() == source).toList();
    }

    /** Lines without a fund source are taken as general public budget, the usual case for a district unit. */
    List<ExpenditureLine> generalPublicBudgetLines() {
        return lines.stream()
                .filter(l -> l.fundSource() == null || l.fundSource() == FundSource.GENERAL_PUBLIC_BUDGET)
                .toList();
    }

    Yuan expenditureTotal() {
        return total(lines);
    }

    // --- economic classes ----------------------------------------------------------------------------------------

    List<BudgetSubmission.EconomicClassAmount> economicClasses() {
        return budget.basicExpenditureByEconomicClass() == null ? List.of()
                : budget.basicExpenditureByEconomicClass().stream()
                .filter(e -> e != null && e.economicCode() != null).toList();
    }

    Yuan personnelExpenses() {
        return Yuan.sum(economicClasses().stream()
                .filter(e -> EconomicClassification.isPersonnel(e.economicCode()))
                .map(e -> nz(e.amount())).toList());
    }

    Yuan publicExpenses() {
        return Yuan.sum(economicClasses().stream()
                .filter(e -> !EconomicClassification.isPersonnel(e.economicCode()))
                .map(e -> nz(e.amount())).toList());
    }

    // --- three public expenses -----------------------------------------------------------------------------------

    static ThreePublicExpenses orEmpty(ThreePublicExpenses t) {
        return t == null ? new ThreePublicExpenses(null, null, null, null) : t;
    }

    static Yuan total(ThreePublicExpenses t) {
        ThreePublicExpenses e = orEmpty(t);
        return nz(e.outboundTravel()).plus(nz(e.officialReception())).plus(nz(e.vehiclePurchase()))
                .plus(nz(e.vehicleOperationAndMaintenance()));
    }

    ThreePublicExpenses threePublicExpenses() {
        return orEmpty(budget.threePublicExpenses());
    }

    // --- procurement ---------------------------------------------------------------------------------------------

    BudgetSubmission.GovernmentProcurement procurement() {
        BudgetSubmission.GovernmentProcurement p = budget.governmentProcurement();
        return p == null ? new BudgetSubmission.GovernmentProcurement(null, null, null, null, null, null) : p;
    }

    Yuan procurementTotal() {
        var p = procurement();
        return nz(p.goods()).plus(nz(p.works())).plus(nz(p.services()));
    }

    Yuan procurementGeneralPublicBudgetTotal() {
        var p = procurement();
        return nz(p.generalPublicBudgetGoods()).plus(nz(p.generalPublicBudgetWorks()))
                .plus(nz(p.generalPublicBudgetServices()));
    }

    List<BudgetSubmission.Project> projects() {
        return budget.projects() == null ? List.of() : budget.projects().stream().filter(Objects::nonNull).toList();
    }

    // --- prior year ----------------------------------------------------------------------------------------------

    Optional<BudgetSubmission.PriorYear> prior() {
        return Optional.ofNullable(budget.priorYear());
    }

    int priorYear() {
        return prior().map(BudgetSubmission.PriorYear::fiscalYear).filter(Objects::nonNull).orElse(year - 1);
    }

    BudgetSubmission.ChangeExplanations explanations() {
        var c = budget.changeExplanations();
        return c == null ? new BudgetSubmission.ChangeExplanations(null, null, null, null, null) : c;
    }
}

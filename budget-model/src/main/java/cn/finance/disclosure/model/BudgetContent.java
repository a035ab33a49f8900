package cn.finance.disclosure.model;

import cn.finance.disclosure.events.Yuan;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A department's budget for one fiscal year, field for field as the department gave it (the {@code budget} object of
 * the seed facts): the content that services store and read. It is the domain's own type, apart from the REST request
 * (which carries the input constraints) and from {@code budget.approved}'s payload
 * ({@link cn.finance.disclosure.events.budget.BudgetSubmission}), so neither an API change nor an event-contract change
 * is a change of stored documents. {@link BudgetPayloads} is the one mapping to and from the payload.
 *
 * <p>Anything may be absent: a draft may be incomplete, and {@link BudgetReading} records what is missing. The member
 * names are the stored field names (and the JSON names), so documents written before this type existed still read.
 */
public record BudgetContent(
        String departmentCode,
        Integer fiscalYear,
        Revenue revenue,
        List<ExpenditureLine> expenditureLines,
        List<EconomicClassAmount> basicExpenditureByEconomicClass,
        String basicExpenditureUse,
        List<Project> projects,
        String projectExpenditureUse,
        ThreePublicExpenses threePublicExpenses,
        Yuan operatingExpenses,
        String operatingExpensesUse,
        GovernmentProcurement governmentProcurement,
        Yuan performanceManagedProjectAmount,
        Assets assets,
        PriorYear priorYear,
        ChangeExplanations changeExplanations) {

    /** The same budget with another prior year (the one approved in the system, filled in by budget-service). */
    public BudgetContent withPriorYear(PriorYear prior) {
        return new BudgetContent(departmentCode, fiscalYear, revenue, expenditureLines,
                basicExpenditureByEconomicClass, basicExpenditureUse, projects, projectExpenditureUse,
                threePublicExpenses, operatingExpenses, operatingExpensesUse, governmentProcurement,
                performanceManagedProjectAmount, assets, prior, changeExplanations);
    }

    /** Revenue by source, as the rows of 部门收支总表. */
    public record Revenue(
            Yuan generalPublicBudgetAppropriation,
            Yuan governmentFundBudgetAppropriation,
            Yuan stateCapitalOperatingBudgetAppropriation,
            Yuan fiscalSpecialAccountFunds,
            Yuan businessRevenue,
            Yuan publicInstitutionOperatingRevenue,
            Yuan superiorSubsidyRevenue,
            Yuan subordinateUnitRemittance,
            Yuan otherRevenue,
            Yuan priorYearCarryover) {
    }

    /** Fund source of an expenditure line. */
    public enum FundSource {
        GENERAL_PUBLIC_BUDGET,
        GOVERNMENT_FUND_BUDGET,
        STATE_CAPITAL_OPERATING_BUDGET,
        FISCAL_SPECIAL_ACCOUNT,
        BUSINESS_REVENUE,
        PUBLIC_INSTITUTION_OPERATING_REVENUE,
        SUPERIOR_SUBSIDY,
        SUBORDINATE_UNIT_REMITTANCE,
        OTHER,
        PRIOR_YEAR_CARRYOVER
    }

    /** One function code (an item-level 项 when complete) with its basic/project split. */
    public record ExpenditureLine(String functionCode, String functionName, FundSource fundSource, Yuan basic,
                                  Yuan project) {
    }

    /** Basic expenditure by economic class (类 3 digits or 款 5 digits). */
    public record EconomicClassAmount(String economicCode, String economicName, Yuan amount) {
    }

    public record Project(String name, String functionCode, Yuan amount, List<PerformanceTarget> performanceTargets) {
    }

    public record PerformanceTarget(String category, String indicator, String target) {
    }

    /** "三公"经费. */
    public record ThreePublicExpenses(
            Yuan outboundTravel,
            Yuan officialReception,
            Yuan vehiclePurchase,
            Yuan vehicleOperationAndMaintenance) {
    }

    public record GovernmentProcurement(
            Yuan goods,
            Yuan works,
            Yuan services,
            Yuan generalPublicBudgetGoods,
            Yuan generalPublicBudgetWorks,
            Yuan generalPublicBudgetServices) {
    }

    /** Vehicles held at {@code asOf} (yyyy-MM, the end of the prior year) and planned purchases. */
    public record Assets(
            String asOf,
            Integer vehiclesTotal,
            Integer generalOfficialVehicles,
            Integer lawEnforcementVehicles,
            Integer plannedVehiclePurchases,
            Integer plannedGeneralOfficialVehiclePurchases,
            Integer plannedLawEnforcementVehiclePurchases) {
    }

    /**
     * The prior year in the same structure as the budget: revenue by source and, per fund source, basic and project
     * expenditure ({@code expenditure}), so every year-over-year sentence compares like with like.
     *
     * <p>The older shape gave expenditure only as totals ({@code expenditureTotal}, {@code basicExpenditure},
     * {@code projectExpenditure} over all sources, and the general-budget and fund totals); it is still read when
     * {@code expenditure} is absent, and then a per-fund basic/project change is stated only where the totals allow
     * it (a unit spending general-budget money alone).
     *
     * <p>{@code origin} says where the figures came from. Absent members are left out of the JSON, so one shape does
     * not carry the other's nulls.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PriorYear(
            Integer fiscalYear,
            Revenue revenue,
            List<FundExpenditure> expenditure,
            Yuan expenditureTotal,
            Yuan basicExpenditure,
            Yuan projectExpenditure,
            Yuan generalPublicBudgetAppropriationExpenditure,
            Yuan governmentFundExpenditure,
            ThreePublicExpenses threePublicExpenses,
            Yuan operatingExpenses,
            PriorYearOrigin origin) {
    }

    /** One fund source's expenditure of the prior year, split as the budget's lines are. */
    public record FundExpenditure(FundSource fundSource, Yuan basic, Yuan project) {
    }

    /**
     * Where the prior-year figures came from. {@code APPROVED_BUDGET}: the department's budget of that year approved
     * in this system ({@code budgetId}, {@code revision}); {@code ENTERED}: typed in by the clerk.
     */
    public record PriorYearOrigin(String source, String budgetId, Integer revision) {

        public static final String APPROVED_BUDGET = "APPROVED_BUDGET";
        public static final String ENTERED = "ENTERED";
    }

    /** The department's own words on why figures changed against the prior year. */
    public record ChangeExplanations(
            String revenue,
            String expenditure,
            String basicExpenditure,
            String projectExpenditure,
            String operatingExpenses) {
    }
}

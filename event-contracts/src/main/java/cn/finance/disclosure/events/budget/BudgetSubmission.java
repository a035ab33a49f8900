package cn.finance.disclosure.events.budget;

import cn.finance.disclosure.events.Yuan;

import java.util.List;

/**
 * A department's budget for one fiscal year, field for field as submitted (the {@code budget} object of the seed
 * facts). Amounts are exact yuan. It is the body of {@code POST /api/v1/budgets} and the snapshot carried by
 * {@code budget.approved.v1}.
 */
public record BudgetSubmission(
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

    /** One item-level (项, 7 digits) function code with its basic/project split. */
    public record ExpenditureLine(
            String functionCode,
            String functionName,
            FundSource fundSource,
            Yuan basic,
            Yuan project) {
    }

    /** Basic expenditure by economic class (类 3 digits or 款 5 digits). */
    public record EconomicClassAmount(String economicCode, String economicName, Yuan amount) {
    }

    public record Project(
            String name,
            String functionCode,
            Yuan amount,
            List<PerformanceTarget> performanceTargets) {
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

    public record PriorYear(
            Integer fiscalYear,
            Revenue revenue,
            Yuan expenditureTotal,
            Yuan basicExpenditure,
            Yuan projectExpenditure,
            Yuan generalPublicBudgetAppropriationExpenditure,
            Yuan governmentFundExpenditure,
            ThreePublicExpenses threePublicExpenses,
            Yuan operatingExpenses) {
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

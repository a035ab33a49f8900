package cn.finance.disclosure.model;

import cn.finance.disclosure.events.Yuan;
import cn.finance.disclosure.model.BudgetContent.FundSource;
import cn.finance.disclosure.model.BudgetContent.Revenue;

import java.util.function.Function;

/** The revenue rows of 部门收支总表, each with the fund source that expenditure lines name. */
public enum RevenueSource {

    GENERAL_PUBLIC_BUDGET(FundSource.GENERAL_PUBLIC_BUDGET, "generalPublicBudgetAppropriation", "一般公共预算拨款",
            Revenue::generalPublicBudgetAppropriation),
    GOVERNMENT_FUND_BUDGET(FundSource.GOVERNMENT_FUND_BUDGET, "governmentFundBudgetAppropriation", "政府性基金预算拨款",
            Revenue::governmentFundBudgetAppropriation),
    STATE_CAPITAL_OPERATING_BUDGET(FundSource.STATE_CAPITAL_OPERATING_BUDGET,
            "stateCapitalOperatingBudgetAppropriation", "国有资本经营预算拨款",
            Revenue::stateCapitalOperatingBudgetAppropriation),
    FISCAL_SPECIAL_ACCOUNT(FundSource.FISCAL_SPECIAL_ACCOUNT, "fiscalSpecialAccountFunds", "财政专户管理资金",
            Revenue::fiscalSpecialAccountFunds),
    BUSINESS_REVENUE(FundSource.BUSINESS_REVENUE, "businessRevenue", "事业收入", Revenue::businessRevenue),
    PUBLIC_INSTITUTION_OPERATING_REVENUE(FundSource.PUBLIC_INSTITUTION_OPERATING_REVENUE,
            "publicInstitutionOperatingRevenue", "事业单位经营收入", Revenue::publicInstitutionOperatingRevenue),
    SUPERIOR_SUBSIDY(FundSource.SUPERIOR_SUBSIDY, "superiorSubsidyRevenue", "上级补助收入",
            Revenue::superiorSubsidyRevenue),
    SUBORDINATE_UNIT_REMITTANCE(FundSource.SUBORDINATE_UNIT_REMITTANCE, "subordinateUnitRemittance", "附属单位上缴收入",
            Revenue::subordinateUnitRemittance),
    OTHER(FundSource.OTHER, "otherRevenue", "其他收入", Revenue::otherRevenue),
    PRIOR_YEAR_CARRYOVER(FundSource.PRIOR_YEAR_CARRYOVER, "priorYearCarryover", "上年结转", Revenue::priorYearCarryover);

    public final FundSource fundSource;
    public final String field;
    public final String label;
    public final Function<Revenue, Yuan> amountIn;

    RevenueSource(FundSource fundSource, String field, String label, Function<Revenue, Yuan> amountIn) {
        this.fundSource = fundSource;
        this.field = field;
        this.label = label;
        this.amountIn = amountIn;
    }

    public static RevenueSource of(FundSource fundSource) {
        for (RevenueSource source : values()) {
            if (source.fundSource == fundSource) {
                return source;
            }
        }
        throw new IllegalArgumentException("no revenue row for " + fundSource);
    }
}

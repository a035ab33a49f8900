package cn.finance.disclosure.publication.document;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Objects;

/**
 * The headline figures of a disclosure as exact yuan strings ("2766200.00"), never rounded: the documents and tables
 * show 万元, the figures keep what was approved. Changes are against the prior year (negative when a figure fell) and
 * are absent when the budget carries no prior-year comparison.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Figures(
        String revenueTotal,
        String expenditureTotal,
        String generalPublicBudgetRevenue,
        String generalPublicBudgetExpenditure,
        String governmentFundRevenue,
        String governmentFundExpenditure,
        String stateCapitalOperatingRevenue,
        String stateCapitalOperatingExpenditure,
        String basicExpenditure,
        String projectExpenditure,
        String personnelExpenses,
        String publicExpenses,
        String threePublicExpenses,
        String operatingExpenses,
        String governmentProcurement,
        String performanceManagedProjectAmount,
        Changes changes) {

    public Figures {
        Objects.requireNonNull(revenueTotal, "revenueTotal");
        Objects.requireNonNull(expenditureTotal, "expenditureTotal");
    }

    /** Year-over-year changes (this year minus the prior year), exact yuan, signed. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Changes(
            int priorFiscalYear,
            String revenueTotal,
            String expenditureTotal,
            String generalPublicBudgetExpenditure,
            String governmentFundExpenditure,
            String basicExpenditure,
            String projectExpenditure,
            String threePublicExpenses,
            String operatingExpenses) {
    }
}

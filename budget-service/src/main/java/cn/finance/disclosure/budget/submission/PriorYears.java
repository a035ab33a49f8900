package cn.finance.disclosure.budget.submission;

import cn.finance.disclosure.model.BudgetContent;
import cn.finance.disclosure.model.BudgetContent.FundExpenditure;
import cn.finance.disclosure.model.BudgetContent.FundSource;
import cn.finance.disclosure.model.BudgetContent.PriorYear;
import cn.finance.disclosure.model.BudgetContent.PriorYearOrigin;
import cn.finance.disclosure.model.BudgetReading;
import cn.finance.disclosure.model.ThreePublicItem;

import java.util.ArrayList;
import java.util.List;

/**
 * The prior year of a budget taken from the department's budget of that year approved in this system: its revenue by
 * source, its basic and project expenditure per fund source (read through the one model), its 三公 and 机关运行经费,
 * with the origin saying which approved budget they came from. Nothing is retyped, so nothing can be mistyped.
 */
final class PriorYears {

    private PriorYears() {
    }

    static PriorYear from(Budget approved) {
        BudgetReading r = BudgetReading.of(approved.submission());
        List<FundExpenditure> expenditure = new ArrayList<>();
        for (FundSource fund : FundSource.values()) {
            BudgetReading.Split split = r.split(fund);
            if (!r.linesOf(fund).isEmpty()) {
                expenditure.add(new FundExpenditure(fund, split.basic(), split.project()));
            }
        }
        var s = approved.submission();
        return new PriorYear(approved.fiscalYear(), s.revenue(), expenditure, null, null, null, null, null,
                new BudgetContent.ThreePublicExpenses(r.threePublic.get(ThreePublicItem.OUTBOUND_TRAVEL),
                        r.threePublic.get(ThreePublicItem.OFFICIAL_RECEPTION),
                        r.threePublic.get(ThreePublicItem.VEHICLE_PURCHASE),
                        r.threePublic.get(ThreePublicItem.VEHICLE_OPERATION)),
                r.operatingExpenses,
                new PriorYearOrigin(PriorYearOrigin.APPROVED_BUDGET, approved.id(), approved.revision()));
    }
}

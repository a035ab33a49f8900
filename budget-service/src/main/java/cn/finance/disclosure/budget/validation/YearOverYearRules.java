package cn.finance.disclosure.budget.validation;

import cn.finance.disclosure.model.BudgetReading;
import cn.finance.disclosure.model.Change;
import cn.finance.disclosure.model.ClerkText;
import cn.finance.disclosure.model.RevenueSource;
import cn.finance.disclosure.model.ThreePublicItem;

import cn.finance.disclosure.events.Yuan;

import java.util.ArrayList;
import java.util.List;

import static cn.finance.disclosure.budget.validation.RuleIds.*;

/**
 * V06 and the year-over-year part of V07: changes against the prior year.
 *
 * <p><b>Revenue change against expenditure change, split by fund source.</b> A budget balances: revenue including
 * 上年结转 equals expenditure (V01). If both years balance, revenue and expenditure must change by the same amount;
 * if they do not, the prior year's figures in this submission do not balance, so either a prior-year figure is wrong
 * or the prior year had a carry-over (上年结转) that was not entered. The seed has this: revenue −96.8 万元 against
 * expenditure −112.8 万元 (prior year 373.42 revenue against 389.42 expenditure).
 *
 * <p>The comparison is like for like: general-public-budget appropriation revenue against general-public-budget
 * expenditure ({@code priorYear.generalPublicBudgetAppropriationExpenditure}), government-fund revenue against
 * government-fund expenditure, and the totals. Never general-budget revenue against total expenditure: a fall in
 * fund money with a matching rise in general-budget money is a shift between sources, not a contradiction.
 *
 * <p>What that means for the warning, and the choice made here: the warning is decided on the totals and raised at
 * most once. The per-source comparisons only say where the gap lies (figures and message). When the totals change
 * alike but a source does not (e.g. general-budget spending rose more than general-budget revenue while fund
 * spending fell correspondingly), no warning is raised: the prior-year per-source split is not reliable enough to
 * warn on, because a prior-year 上年结转 of general-budget money is spent as general-budget expenditure but entered
 * as carry-over revenue, not as general-budget revenue. When the current year itself does not balance, V01 already
 * reports an ERROR and the premise "both years balance" fails, so no warning is raised either.
 *
 * <p>A change counts as a change when it shows in 万元 (the published text would otherwise say 持平); 三公 increases
 * count to the fen (policy: 只减不增).
 */
final class YearOverYearRules {

    private YearOverYearRules() {
    }

    static void check(BudgetReading facts, Findings findings) {
        if (!facts.complete("priorYear")) {
            return;
        }
        revenueAgainstExpenditureChange(facts, findings);
        unexplainedChanges(facts, findings);
        priorYearConsistency(facts, findings);
        threePublicIncrease(facts, findings);
    }

    private static void revenueAgainstExpenditureChange(BudgetReading facts, Findings findings) {
        if (!facts.complete("revenue", "expenditureLines")) {
            return;
        }
        Yuan revenue = facts.revenueTotal();
        Yuan expenditure = facts.expenditureTotal();
        if (!revenue.equals(expenditure)) {
            return; // V01
        }
        BudgetReading.Prior prior = facts.prior;
        Yuan revenueChange = revenue.minus(prior.revenueTotal());
        Yuan expenditureChange = expenditure.minus(prior.expenditureTotal());
        if (revenueChange.equals(expenditureChange)) {
            return;
        }
        String year = yearOf(facts.fiscalYear, "本年");
        String priorYear = yearOf(prior.fiscalYear(), "上年");
        Figures figures = Figures.of()
                .yuanAndWan("revenueChange", revenueChange)
                .yuanAndWan("expenditureChange", expenditureChange)
                .yuanAndWan("difference", revenueChange.minus(expenditureChange))
                .yuan("revenue", revenue).yuan("priorRevenue", prior.revenueTotal())
                .yuan("expenditure", expenditure).yuan("priorExpenditure", prior.expenditureTotal());
        List<String> where = new ArrayList<>();
        bySource(facts, RevenueSource.GENERAL_PUBLIC_BUDGET, prior.generalPublicBudgetExpenditure(),
                "generalPublicBudget", figures, where);
        bySource(facts, RevenueSource.GOVERNMENT_FUND_BUDGET, prior.governmentFundExpenditure(),
                "governmentFund", figures, where);
        String[] priorShown = Wan.pair(prior.revenueTotal(), prior.expenditureTotal());
        findings.warning(REVENUE_EXPENDITURE_DELTA, "priorYear",
                "收入较" + priorYear + Wan.change(revenueChange) + "，支出较" + priorYear + Wan.change(expenditureChange)
                        + "，两者变动不一致（相差" + Wan.of(revenueChange.minus(expenditureChange).abs()) + "）。"
                        + year + "收支平衡（均为" + Wan.of(revenue) + "），若" + priorYear + "收支也平衡，两者的变动应当相同；"
                        + "但填报的" + priorYear + "收入为" + priorShown[0] + "、支出为" + priorShown[1] + "。"
                        + "请核实是否漏报了" + priorYear + "的上年结转收入，或" + priorYear + "的收入、支出数字有误。"
                        + (where.isEmpty()
                        ? "差额不在一般公共预算拨款和政府性基金预算拨款，应出自其他收入来源或上年结转。"
                        : "差额出现在" + String.join("；", where) + "。"),
                figures);
    }

    private static void bySource(BudgetReading facts, RevenueSource source, Yuan priorExpenditure, String key,
                                 Figures figures, List<String> where) {
        Yuan revenueChange = facts.revenue.get(source).minus(facts.prior.revenue().get(source));
        Yuan expenditureChange = facts.expenditureOf(source.fundSource).minus(priorExpenditure);
        if (!revenueChange.equals(expenditureChange)) {
            figures.yuan(key + "RevenueChange", revenueChange).yuan(key + "ExpenditureChange", expenditureChange);
            where.add(source.label + "：收入" + Wan.change(revenueChange) + "，支出" + Wan.change(expenditureChange));
        }
    }

    private static void unexplainedChanges(BudgetReading facts, Findings findings) {
        BudgetReading.Prior prior = facts.prior;
        var explained = facts.explanations;
        if (facts.complete("revenue")) {
            unexplained(facts, findings, REVENUE_CHANGE_UNEXPLAINED, "revenue", "收入预算",
                    facts.revenueTotal(), prior.revenueTotal(), explained.revenue());
        }
        if (facts.complete("expenditureLines")) {
            unexplained(facts, findings, EXPENDITURE_CHANGE_UNEXPLAINED, "expenditure", "支出预算",
                    facts.expenditureTotal(), prior.expenditureTotal(), explained.expenditure());
            unexplained(facts, findings, BASIC_CHANGE_UNEXPLAINED, "basicExpenditure", "基本支出",
                    facts.basicTotal(), prior.basic(), explained.basicExpenditure());
            unexplained(facts, findings, PROJECT_CHANGE_UNEXPLAINED, "projectExpenditure", "项目支出",
                    facts.projectTotal(), prior.project(), explained.projectExpenditure());
        }
        if (facts.complete("operatingExpenses")) {
            unexplained(facts, findings, OPERATING_EXPENSES_CHANGE_UNEXPLAINED, "operatingExpenses", "机关运行经费",
                    facts.operatingExpenses, prior.operatingExpenses(), explained.operatingExpenses());
        }
    }

    private static void unexplained(BudgetReading facts, Findings findings, String ruleId, String field,
                                    String label, Yuan now, Yuan before, String explanation) {
        Yuan change = now.minus(before);
        if (!new Change(now, before).changed() || !ClerkText.isEmpty(explanation)) {
            return;
        }
        findings.warning(ruleId, "changeExplanations." + field, label + "较" + yearOf(facts.prior.fiscalYear(), "上年")
                        + Wan.change(change) + "（" + Wan.of(before) + " → " + Wan.of(now) + "），但没有填写变动原因。"
                        + "公开文本须说明主要原因，请补充。",
                Figures.of().yuan("current", now).yuan("prior", before).yuanAndWan("change", change));
    }

    private static void priorYearConsistency(BudgetReading facts, Findings findings) {
        BudgetReading.Prior prior = facts.prior;
        String priorYear = yearOf(prior.fiscalYear(), "上年");
        Yuan parts = prior.basic().plus(prior.project());
        if (!parts.equals(prior.expenditureTotal())) {
            String[] shown = Wan.pair(parts, prior.expenditureTotal());
            findings.warning(PRIOR_YEAR_BASIC_PROJECT, "priorYear.expenditureTotal", priorYear + "基本支出与项目支出之和为"
                            + shown[0] + "，与" + priorYear + "支出合计" + shown[1] + "不一致，公开文本中的增减数将对不上。"
                            + "请核对上年数字。",
                    Figures.of().yuan("priorBasic", prior.basic()).yuan("priorProject", prior.project())
                            .yuan("priorExpenditure", prior.expenditureTotal()));
        }
        Yuan bySource = prior.generalPublicBudgetExpenditure().plus(prior.governmentFundExpenditure());
        if (bySource.compareTo(prior.expenditureTotal()) > 0) {
            String[] shown = Wan.pair(bySource, prior.expenditureTotal());
            findings.warning(PRIOR_YEAR_FUND_SPLIT, "priorYear.generalPublicBudgetAppropriationExpenditure",
                    priorYear + "一般公共预算拨款支出与政府性基金预算拨款支出之和为" + shown[0] + "，超过" + priorYear
                            + "支出合计" + shown[1] + "。请核对上年数字。",
                    Figures.of().yuan("priorGeneralPublicBudgetExpenditure", prior.generalPublicBudgetExpenditure())
                            .yuan("priorGovernmentFundExpenditure", prior.governmentFundExpenditure())
                            .yuan("priorExpenditure", prior.expenditureTotal()));
        }
    }

    private static void threePublicIncrease(BudgetReading facts, Findings findings) {
        if (!facts.complete("threePublicExpenses")) {
            return;
        }
        BudgetReading.Prior prior = facts.prior;
        String priorYear = yearOf(prior.fiscalYear(), "上年");
        Yuan now = facts.threePublicTotal();
        Yuan before = Yuan.sum(prior.threePublic().values());
        if (now.compareTo(before) > 0) {
            findings.warning(THREE_PUBLIC_INCREASE, "threePublicExpenses", "“三公”经费预算" + Wan.of(now) + "，较"
                            + priorYear + Wan.change(now.minus(before)) + "。“三公”经费只减不增，请压减，或说明增加的原因。",
                    Figures.of().yuan("current", now).yuan("prior", before).yuanAndWan("change", now.minus(before)));
        }
        for (ThreePublicItem item : ThreePublicItem.values()) {
            Yuan itemNow = facts.threePublic.get(item);
            Yuan itemBefore = prior.threePublic().get(item);
            if (itemNow.compareTo(itemBefore) > 0) {
                findings.warning(THREE_PUBLIC_ITEM_INCREASE, "threePublicExpenses." + item.field, item.label
                                + Wan.of(itemNow) + "，较" + priorYear + Wan.change(itemNow.minus(itemBefore))
                                + "。“三公”经费只减不增，请压减，或说明增加的原因。",
                        Figures.of().yuan("current", itemNow).yuan("prior", itemBefore)
                                .yuanAndWan("change", itemNow.minus(itemBefore)));
            }
        }
    }

    static String yearOf(Integer year, String otherwise) {
        return year == null ? otherwise : year + "年";
    }
}

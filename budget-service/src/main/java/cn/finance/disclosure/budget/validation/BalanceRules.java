package cn.finance.disclosure.budget.validation;

import cn.finance.disclosure.model.BudgetReading;
import cn.finance.disclosure.model.RevenueSource;

import cn.finance.disclosure.events.Yuan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static cn.finance.disclosure.budget.validation.RuleIds.*;

/** V01, V04, V05: the submission's own totals agree, exactly, in yuan. */
final class BalanceRules {

    private BalanceRules() {
    }

    static void check(BudgetReading facts, Findings findings) {
        revenueAgainstExpenditure(facts, findings);
        basicByEconomicClass(facts, findings);
        projects(facts, findings);
    }

    /**
     * V01 and V05. When the totals differ, one V01 finding names the fund sources that disagree; V05 reports a fund
     * source only when the totals balance (money of one source booked under another), so one mistake gives one
     * finding.
     */
    private static void revenueAgainstExpenditure(BudgetReading facts, Findings findings) {
        if (!facts.complete("revenue", "expenditureLines")) {
            return;
        }
        Yuan revenue = facts.revenueTotal();
        Yuan expenditure = facts.expenditureTotal();
        List<String> sourceGaps = new ArrayList<>();
        Map<RevenueSource, Yuan[]> mismatched = new LinkedHashMap<>();
        for (RevenueSource source : RevenueSource.values()) {
            Yuan in = facts.revenue.get(source);
            Yuan out = facts.expenditureOf(source.fundSource);
            if (!in.equals(out)) {
                mismatched.put(source, new Yuan[] {in, out});
                String[] shown = Wan.pair(in, out);
                sourceGaps.add("“" + source.label + "”收入" + shown[0] + "、支出" + shown[1]);
            }
        }
        if (!revenue.equals(expenditure)) {
            String[] shown = Wan.pair(revenue, expenditure);
            Figures figures = Figures.of().yuanAndWan("revenueTotal", revenue).yuanAndWan("expenditureTotal", expenditure)
                    .yuan("difference", revenue.minus(expenditure));
            mismatched.forEach((source, pair) -> figures.yuan(source.field, pair[0])
                    .yuan(source.field + "Expenditure", pair[1]));
            findings.error(REVENUE_EXPENDITURE, "revenue", "收入总计" + shown[0] + "（含上年结转），支出总计" + shown[1]
                    + "，两者不相等，相差" + revenue.minus(expenditure).abs().toWire() + "元。部门预算必须收支平衡"
                    + (sourceGaps.isEmpty() ? "" : "；不一致的资金来源：" + String.join("；", sourceGaps))
                    + "。请核对收入预算和支出明细。", figures);
            return;
        }
        mismatched.forEach((source, pair) -> {
            String[] shown = Wan.pair(pair[0], pair[1]);
            findings.error(FUND_SOURCE_BALANCE, "revenue." + source.field, "收入预算中“" + source.label + "”为"
                            + shown[0] + "，而支出明细中资金来源为“" + source.label + "”的支出合计" + shown[1]
                            + "，两者应相等。请核对支出明细中各行的资金来源。",
                    Figures.of().yuan("revenue", pair[0]).yuan("expenditure", pair[1]).text("fundSource",
                            source.fundSource.name()));
        });
    }

    private static void basicByEconomicClass(BudgetReading facts, Findings findings) {
        if (!facts.complete("expenditureLines", "basicExpenditureByEconomicClass")) {
            return;
        }
        Yuan byClass = BudgetReading.sum(facts.topLevelEconomic(), BudgetReading.Economic::amount);
        Yuan basic = facts.basicTotal();
        if (!byClass.equals(basic)) {
            String[] shown = Wan.pair(byClass, basic);
            findings.error(BASIC_ECONOMIC_TOTAL, "basicExpenditureByEconomicClass", "基本支出按经济分类合计" + shown[0]
                            + "，与支出明细中的基本支出合计" + shown[1] + "不一致，相差" + byClass.minus(basic).abs().toWire()
                            + "元。请核对经济分类金额。",
                    Figures.of().yuanAndWan("economicClassTotal", byClass).yuanAndWan("basicTotal", basic));
        }
        for (BudgetReading.Economic entry : facts.economic) {
            String code = entry.code();
            if (code == null || code.length() != 3 || facts.economicChildren(code).isEmpty()) {
                continue;
            }
            Yuan children = BudgetReading.sum(facts.economicChildren(code), BudgetReading.Economic::amount);
            if (children.compareTo(entry.amount()) > 0) {
                String[] shown = Wan.pair(children, entry.amount());
                findings.error(ECONOMIC_BREAKDOWN_EXCEEDS_CLASS, entry.path("amount"), "经济分类“" + code
                                + "”下列明的款级科目合计" + shown[0] + "，超过该类金额" + shown[1] + "。请核对。",
                        Figures.of().text("economicCode", code).yuan("classAmount", entry.amount())
                                .yuan("breakdownTotal", children));
            }
        }
    }

    private static void projects(BudgetReading facts, Findings findings) {
        if (!facts.complete("expenditureLines", "projects")) {
            return;
        }
        Yuan projects = BudgetReading.sum(facts.projects, BudgetReading.ProjectFacts::amount);
        Yuan lines = facts.projectTotal();
        boolean totalsAgree = projects.equals(lines);
        if (!totalsAgree) {
            String[] shown = Wan.pair(projects, lines);
            findings.error(PROJECTS_TOTAL, "projects", "各项目金额合计" + shown[0] + "，与支出明细中的项目支出合计" + shown[1]
                            + "不一致，相差" + projects.minus(lines).abs().toWire() + "元。请核对项目清单或支出明细。",
                    Figures.of().yuanAndWan("projectsTotal", projects).yuanAndWan("projectExpenditure", lines));
        }
        Map<String, BudgetReading.ProjectFacts> firstByCode = new LinkedHashMap<>();
        facts.projects.forEach(p -> {
            if (p.code() != null) {
                firstByCode.putIfAbsent(p.code(), p);
            }
        });
        firstByCode.forEach((code, first) -> {
            Yuan planned = BudgetReading.sum(
                    facts.projects.stream().filter(p -> code.equals(p.code())).toList(),
                    BudgetReading.ProjectFacts::amount);
            Yuan booked = BudgetReading.sum(
                    facts.lines.stream().filter(l -> code.equals(l.code())).toList(), BudgetReading.Line::project);
            if (booked.isZero() && planned.signum() > 0) {
                findings.error(PROJECT_FUNCTION_WITHOUT_LINE, first.path("functionCode"), "项目“" + first.name()
                                + "”的功能分类为“" + code + "”，但支出明细中该科目没有项目支出。请在支出明细中列出，或改正项目的功能分类。",
                        Figures.of().text("functionCode", code).yuan("projectsAmount", planned));
            } else if (totalsAgree && !booked.equals(planned)) {
                String[] shown = Wan.pair(planned, booked);
                findings.error(PROJECT_FUNCTION_MISMATCH, first.path("functionCode"), "功能分类“" + code
                                + "”下的项目合计" + shown[0] + "，而支出明细中该科目的项目支出为" + shown[1]
                                + "。请核对项目的功能分类。",
                        Figures.of().text("functionCode", code).yuan("projectsAmount", planned)
                                .yuan("lineProjectAmount", booked));
            }
        });
    }
}

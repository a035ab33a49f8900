package cn.finance.disclosure.budget.validation;

import cn.finance.disclosure.model.BudgetReading;
import cn.finance.disclosure.model.StatedFigures;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static cn.finance.disclosure.budget.validation.RuleIds.EXPLANATION_FIGURE_UNMATCHED;

/**
 * V06: a number in the clerk's own explanation ("减少92.05万元") is published word for word, so it must be one of the
 * budget's figures of that context (a revenue explanation: the revenue figures and their changes). One that matches
 * none is a WARNING naming the number and the figures it could have meant.
 */
final class ExplanationFigureRules {

    private static final Pattern WAN = Pattern.compile("(\\d+(?:\\.\\d+)?)万元");

    private ExplanationFigureRules() {
    }

    static void check(BudgetReading facts, Findings findings) {
        if (!facts.complete("revenue", "expenditureLines", "priorYear")
                || !facts.revenueTotal().equals(facts.expenditureTotal())) {
            return; // the explanations speak of changes; with no prior year or an unbalanced budget (V01) they cannot
        }
        StatedFigures all = StatedFigures.of(facts);
        var e = facts.explanations;
        Map<String, Object[]> texts = new LinkedHashMap<>();
        texts.put("changeExplanations.revenue", new Object[] {e.revenue(), "收入预算", about("收入")});
        texts.put("changeExplanations.expenditure", new Object[] {e.expenditure(), "支出预算", about("支出")});
        texts.put("changeExplanations.basicExpenditure", new Object[] {e.basicExpenditure(), "基本支出",
                about("基本支出", "人员经费", "公用经费", "经济分类")});
        texts.put("changeExplanations.projectExpenditure", new Object[] {e.projectExpenditure(), "项目支出",
                about("项目")});
        texts.put("changeExplanations.operatingExpenses", new Object[] {e.operatingExpenses(), "机关运行经费",
                about("机关运行经费", "经济分类302")});
        texts.put("basicExpenditureUse", new Object[] {facts.submission.basicExpenditureUse(), "基本支出主要用途",
                about("基本支出", "人员经费", "公用经费", "经济分类")});
        texts.put("projectExpenditureUse", new Object[] {facts.submission.projectExpenditureUse(), "项目支出主要用途",
                about("项目")});
        texts.put("operatingExpensesUse", new Object[] {facts.submission.operatingExpensesUse(), "机关运行经费主要用途",
                about("机关运行经费", "经济分类302")});
        texts.forEach((path, entry) -> {
            String text = (String) entry[0];
            if (text == null) {
                return;
            }
            @SuppressWarnings("unchecked")
            StatedFigures context = all.where((Predicate<String>) entry[2]);
            Matcher m = WAN.matcher(text);
            while (m.find()) {
                String number = m.group(1);
                if (context.contains(number)) {
                    continue;
                }
                List<String> nearest = context.nearest(number, 3);
                findings.warning(EXPLANATION_FIGURE_UNMATCHED, path, entry[1] + "的说明中写了“" + m.group()
                                + "”，但本预算" + entry[1] + "的数字中没有" + number + "万元" + (nearest.isEmpty() ? "。"
                                : "；可能指：" + String.join("、", nearest) + "。") + "说明会原样公开，请核对。",
                        Figures.of().text("number", m.group()).text("couldHaveMeant", String.join("、", nearest)));
            }
        });
    }

    private static Predicate<String> about(String... words) {
        return label -> {
            for (String w : words) {
                if (label.contains(w)) {
                    return true;
                }
            }
            return false;
        };
    }
}

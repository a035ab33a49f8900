package cn.finance.disclosure.budget.validation;

import cn.finance.disclosure.model.BudgetReading;
import cn.finance.disclosure.model.ThreePublicItem;

import cn.finance.disclosure.events.Yuan;
import cn.finance.disclosure.model.BudgetContent.FundSource;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static cn.finance.disclosure.budget.validation.RuleIds.*;

/**
 * V07 against basic expenditure by economic class. The 三公 items are general-budget money spent on 30212 因公出国（境）,
 * 30217 公务接待, 30231 公务用车运行维护 (in 类 302) and 31013 公务用车购置 (in 类 310), in basic or project expenditure.
 *
 * <ul>
 * <li>An item larger than the basic money on its economic line can only be paid from project money. Without project
 * expenditure that is impossible: ERROR. With project expenditure it is possible: WARNING, to be confirmed.</li>
 * <li>Where only the 类 is listed (the seed lists 301/302/303), the items of that 类 must fit in what the 类 leaves
 * after any 款 listed under it; where the 类 is not listed at all, they have no basic money.</li>
 * <li>The other way round (the reference's "基本支出表 30217 ≤ 公务接待费"): a basic line larger than its item only
 * proves something when all basic money is general-budget money, since 三公 counts general-budget money only.</li>
 * </ul>
 */
final class ThreePublicRules {

    private ThreePublicRules() {
    }

    static void check(BudgetReading facts, Findings findings) {
        if (!facts.complete("threePublicExpenses", "basicExpenditureByEconomicClass", "expenditureLines")) {
            return;
        }
        Severity severity = facts.projectTotal().isZero() ? Severity.ERROR : Severity.WARNING;
        String advice = severity == Severity.ERROR
                ? "本部门没有项目支出，“三公”经费只能由基本支出安排，请核对“三公”经费或经济分类金额。"
                : "如差额由项目支出安排，请确认；否则请核对“三公”经费或经济分类金额。";
        for (ThreePublicItem item : ThreePublicItem.values()) {
            Yuan amount = facts.threePublic.get(item);
            if (facts.economicListed(item.economicCode) && amount.compareTo(facts.economicAmount(item.economicCode)) > 0) {
                Yuan basic = facts.economicAmount(item.economicCode);
                String[] shown = Wan.pair(amount, basic);
                findings.add(THREE_PUBLIC_EXCEEDS_ECONOMIC, severity, "threePublicExpenses." + item.field,
                        "“三公”经费中的" + item.label + shown[0] + "，高于基本支出经济分类“" + item.economicCode + "”的"
                                + shown[1] + "。" + advice,
                        Figures.of().yuan(item.field, amount).text("economicCode", item.economicCode)
                                .yuan("economicAmount", basic));
            }
        }
        Map<String, List<ThreePublicItem>> byClass = java.util.Arrays.stream(ThreePublicItem.values())
                .collect(Collectors.groupingBy(ThreePublicItem::economicClass, java.util.TreeMap::new,
                        Collectors.toList()));
        byClass.forEach((classCode, items) -> {
            List<ThreePublicItem> unlisted = items.stream()
                    .filter(i -> !facts.economicListed(i.economicCode) && facts.threePublic.get(i).signum() > 0)
                    .toList();
            if (unlisted.isEmpty()) {
                return;
            }
            Yuan needed = Yuan.sum(unlisted.stream().map(facts.threePublic::get).toList());
            Yuan available = Yuan.ZERO;
            if (facts.economicListed(classCode)) {
                Yuan rest = facts.economicAmount(classCode).minus(
                        BudgetReading.sum(facts.economicChildren(classCode), BudgetReading.Economic::amount));
                if (rest.signum() < 0) {
                    return; // V04-ECONOMIC-BREAKDOWN-EXCEEDS-CLASS: the class itself is wrong
                }
                available = rest;
            }
            if (needed.compareTo(available) > 0) {
                String names = unlisted.stream().map(i -> i.label + Wan.of(facts.threePublic.get(i)))
                        .collect(Collectors.joining("、"));
                Figures figures = Figures.of();
                unlisted.forEach(i -> figures.yuan(i.field, facts.threePublic.get(i)));
                figures.text("economicClass", classCode).yuan("economicAmountAvailable", available);
                findings.add(THREE_PUBLIC_EXCEEDS_ECONOMIC, severity, "threePublicExpenses",
                        "“三公”经费中的" + names + "属于经济分类“" + classCode + "”，但基本支出中该类"
                                + (facts.economicListed(classCode) ? "可用于这些支出的金额只有" + Wan.of(available)
                                : "没有金额") + "。" + advice, figures);
            }
        });
        boolean allBasicGeneralBudget = facts.lines.stream()
                .filter(l -> l.basic().signum() > 0)
                .allMatch(l -> l.fundSource() == FundSource.GENERAL_PUBLIC_BUDGET);
        if (!allBasicGeneralBudget) {
            return;
        }
        Map<String, BudgetReading.Economic> firstByCode = facts.economic.stream()
                .filter(e -> e.code() != null)
                .collect(Collectors.toMap(BudgetReading.Economic::code, Function.identity(), (a, b) -> a));
        for (ThreePublicItem item : ThreePublicItem.values()) {
            BudgetReading.Economic entry = firstByCode.get(item.economicCode);
            if (entry == null) {
                continue;
            }
            Yuan basic = facts.economicAmount(item.economicCode);
            Yuan amount = facts.threePublic.get(item);
            if (basic.compareTo(amount) > 0) {
                String[] shown = Wan.pair(basic, amount);
                findings.warning(ECONOMIC_EXCEEDS_THREE_PUBLIC, entry.path("amount"), "基本支出经济分类“"
                                + item.economicCode + "”" + shown[0] + "，高于“三公”经费中的" + item.label + shown[1]
                                + "。基本支出全部由一般公共预算拨款安排，“三公”经费应至少包含这部分，请核对。",
                        Figures.of().text("economicCode", item.economicCode).yuan("economicAmount", basic)
                                .yuan(item.field, amount));
            }
        }
    }
}

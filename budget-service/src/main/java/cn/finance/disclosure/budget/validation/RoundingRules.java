package cn.finance.disclosure.budget.validation;

import cn.finance.disclosure.model.BudgetReading;
import cn.finance.disclosure.model.RevenueSource;
import cn.finance.disclosure.model.ThreePublicItem;

import cn.finance.disclosure.budget.catalog.ClassificationCatalog;
import cn.finance.disclosure.budget.catalog.CodeKind;
import cn.finance.disclosure.events.Yuan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static cn.finance.disclosure.budget.validation.RuleIds.*;

/**
 * INFO: gaps of the 万元 presentation. Documents round each figure to 万元 on its own (HALF_UP, 2 places), so parts
 * can miss their total by up to 0.005 万元 per rounded part while the yuan figures balance exactly; the seed's five
 * function classes show 276.63 against a total of 276.62. Per RULES-REFERENCE §6 footnote such a gap is INFO only when
 * the yuan figures balance and the gap is at most 0.005 万元 × the number of rounded parts. When the yuan figures do not
 * balance, the matching ERROR rule reports it and no INFO is added; a larger gap with balancing yuan figures cannot
 * come from rounding.
 */
final class RoundingRules {

    private static final BigDecimal HALF_FEN_OF_WAN = new BigDecimal("0.005");

    private record Part(String key, String label, Yuan amount) {
    }

    private RoundingRules() {
    }

    static void check(BudgetReading facts, ClassificationCatalog catalog, Findings findings) {
        if (facts.complete("revenue")) {
            List<Part> sources = new ArrayList<>();
            for (RevenueSource source : RevenueSource.values()) {
                sources.add(new Part(source.field, source.label, facts.revenue.get(source)));
            }
            gap(findings, ROUNDING_REVENUE_SOURCES, "revenue", "收入预算各来源", sources, facts.revenueTotal(), "收入总计");
        }
        if (facts.complete("expenditureLines")) {
            functionClasses(facts, catalog, findings);
            gap(findings, ROUNDING_BASIC_PROJECT, "expenditureLines", "基本支出与项目支出",
                    List.of(new Part("basic", "基本支出", facts.basicTotal()),
                            new Part("project", "项目支出", facts.projectTotal())),
                    facts.expenditureTotal(), "支出总计");
        }
        if (facts.complete("expenditureLines", "basicExpenditureByEconomicClass")) {
            List<Part> classes = facts.topLevelEconomic().stream()
                    .map(e -> new Part("economic" + e.code(), e.code() + " " + economicName(e, catalog), e.amount()))
                    .toList();
            gap(findings, ROUNDING_ECONOMIC_CLASSES, "basicExpenditureByEconomicClass", "基本支出各经济分类", classes,
                    facts.basicTotal(), "基本支出合计");
        }
        if (facts.complete("threePublicExpenses")) {
            List<Part> items = new ArrayList<>();
            for (ThreePublicItem item : ThreePublicItem.values()) {
                items.add(new Part(item.field, item.label, facts.threePublic.get(item)));
            }
            gap(findings, ROUNDING_THREE_PUBLIC, "threePublicExpenses", "“三公”经费各项", items, facts.threePublicTotal(),
                    "“三公”经费合计");
        }
        if (facts.complete("governmentProcurement")) {
            BudgetReading.Procurement p = facts.procurement;
            gap(findings, ROUNDING_PROCUREMENT, "governmentProcurement", "政府采购货物、工程、服务",
                    List.of(new Part("goods", "货物", p.goods()), new Part("works", "工程", p.works()),
                            new Part("services", "服务", p.services())), p.total(), "政府采购预算总额");
            gap(findings, ROUNDING_PROCUREMENT, "governmentProcurement.generalPublicBudget",
                    "其中一般公共预算拨款政府采购的货物、工程、服务",
                    List.of(new Part("generalPublicBudgetGoods", "货物", p.generalGoods()),
                            new Part("generalPublicBudgetWorks", "工程", p.generalWorks()),
                            new Part("generalPublicBudgetServices", "服务", p.generalServices())),
                    p.generalTotal(), "一般公共预算拨款政府采购");
        }
        if (facts.complete("expenditureLines", "priorYear")) {
            BudgetReading.Prior prior = facts.prior;
            if (prior.basic().plus(prior.project()).equals(prior.expenditureTotal())) {
                gap(findings, ROUNDING_CHANGES, "changeExplanations.expenditure", "基本支出与项目支出的增减数",
                        List.of(new Part("basicChange", "基本支出增减", facts.basicTotal().minus(prior.basic())),
                                new Part("projectChange", "项目支出增减", facts.projectTotal().minus(prior.project()))),
                        facts.expenditureTotal().minus(prior.expenditureTotal()), "支出增减");
            }
        }
    }

    /** The function classes (类, first 3 digits of the lines' codes), each summed in yuan, then rounded. */
    private static void functionClasses(BudgetReading facts, ClassificationCatalog catalog, Findings findings) {
        boolean allItemCodes = facts.lines.stream()
                .allMatch(l -> CodeKind.FUNCTION.isWellFormed(l.code()) && l.code().length() == 7);
        if (!allItemCodes) {
            return; // V03-FUNCTION-CODE-FORMAT reports them; classes are not well defined
        }
        Map<String, List<BudgetReading.Line>> byClass = facts.lines.stream()
                .collect(Collectors.groupingBy(l -> l.code().substring(0, 3), TreeMap::new, Collectors.toList()));
        List<Part> classes = new ArrayList<>();
        byClass.forEach((code, lines) -> classes.add(new Part("class" + code,
                catalog.name(CodeKind.FUNCTION, code).orElse(code), BudgetReading.sum(lines, BudgetReading.Line::total))));
        gap(findings, ROUNDING_FUNCTION_CLASSES, "expenditureLines", "支出预算各功能分类（类）", classes,
                facts.expenditureTotal(), "支出总计");
    }

    private static String economicName(BudgetReading.Economic entry, ClassificationCatalog catalog) {
        return catalog.name(CodeKind.ECONOMIC, entry.code())
                .orElse(entry.name() == null ? "" : entry.name());
    }

    private static void gap(Findings findings, String ruleId, String path, String what, List<Part> parts, Yuan total,
                            String totalLabel) {
        Yuan exact = Yuan.sum(parts.stream().map(Part::amount).toList());
        if (parts.size() < 2 || !exact.equals(total)) {
            return;
        }
        BigDecimal roundedSum = parts.stream().map(p -> p.amount().toWanYuan()).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal roundedTotal = total.toWanYuan();
        BigDecimal gap = roundedSum.subtract(roundedTotal);
        BigDecimal tolerance = HALF_FEN_OF_WAN.multiply(BigDecimal.valueOf(parts.size()));
        if (gap.signum() == 0 || gap.abs().compareTo(tolerance) > 0) {
            return;
        }
        Figures figures = Figures.of();
        parts.forEach(p -> figures.yuanAndWan(p.key(), p.amount()));
        figures.yuanAndWan("total", total).wan("partsSumWanYuan", roundedSum).wan("gapWanYuan", gap)
                .wan("toleranceWanYuan", tolerance);
        String listed = parts.stream().map(p -> p.label() + Wan.of(p.amount())).collect(Collectors.joining("、"));
        findings.info(ruleId, path, what + "分别四舍五入到万元后合计为" + Wan.text(roundedSum) + "万元（" + listed + "），而"
                + totalLabel + "显示为" + Wan.of(total) + "，相差" + Wan.text(gap.abs()) + "万元。以元计的金额完全平衡，"
                + "差额仅因各项分别四舍五入产生，属正常现象，无需修改。", figures);
    }
}

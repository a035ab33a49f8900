package cn.finance.disclosure.model;

import cn.finance.disclosure.events.Yuan;
import cn.finance.disclosure.model.BudgetContent.FundSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every figure a document or a clerk's explanation may state about a budget, as its 万元 text ("276.62", "96.8")
 * with what it is ("收入总计", "基本支出较上年变动"). Changes are listed by their absolute value: the text words the
 * sign (增加/减少). The text auditor checks that each stated figure is one of these; validation names them when a
 * clerk's number matches none.
 */
public final class StatedFigures {

    private final Map<String, List<String>> byText = new LinkedHashMap<>();

    private StatedFigures() {
    }

    public static StatedFigures of(BudgetReading r) {
        StatedFigures f = new StatedFigures();
        f.add("收入总计", r.revenueTotal());
        f.add("本年收入合计", r.currentYearRevenue());
        for (RevenueSource source : RevenueSource.values()) {
            f.add(source.label, r.revenueOf(source));
        }
        f.add("支出总计", r.expenditureTotal());
        f.add("基本支出", r.basicTotal());
        f.add("项目支出", r.projectTotal());
        BudgetReading.byClass(r.lines).forEach((code, amount) -> f.add("功能分类" + code, amount));
        BudgetReading.functionTree(r.lines).forEach((c, sections) -> sections.forEach((s, items) -> {
            f.add("功能分类" + s, BudgetReading.total(items.values().stream().flatMap(List::stream).toList()));
            items.forEach((i, lines) -> f.add("功能分类" + i, BudgetReading.total(lines)));
        }));
        for (FundSource fund : FundSource.values()) {
            String label = RevenueSource.of(fund).label;
            BudgetReading.Split split = r.split(fund);
            f.add(label + "支出", split.total());
            f.add(label + "基本支出", split.basic());
            f.add(label + "项目支出", split.project());
            BudgetReading.byClass(r.linesOf(fund)).forEach((code, amount) -> f.add(label + "功能分类" + code, amount));
        }
        for (BudgetReading.EconomicClass c : r.economicClasses()) {
            f.add("经济分类" + c.code(), c.amount());
            c.breakdown().forEach(e -> f.add("经济分类" + e.code(), e.amount()));
        }
        f.add("人员经费", r.personnelExpenses());
        f.add("公用经费", r.publicExpenses());
        f.add("“三公”经费", r.threePublicTotal());
        r.threePublic.forEach((item, amount) -> f.add(item.label, amount));
        f.add("公务用车购置及运行费", r.threePublic.get(ThreePublicItem.VEHICLE_PURCHASE)
                .plus(r.threePublic.get(ThreePublicItem.VEHICLE_OPERATION)));
        f.add("机关运行经费", r.operatingExpenses);
        var p = r.procurement;
        f.add("政府采购预算总额", p.total());
        f.add("政府采购货物", p.goods());
        f.add("政府采购工程", p.works());
        f.add("政府采购服务", p.services());
        f.add("一般公共预算拨款政府采购", p.generalTotal());
        f.add("一般公共预算拨款政府采购货物", p.generalGoods());
        f.add("一般公共预算拨款政府采购工程", p.generalWorks());
        f.add("一般公共预算拨款政府采购服务", p.generalServices());
        f.add("实行绩效目标管理的项目金额", r.performanceManagedProjectAmount);
        r.projects.forEach(pr -> f.add("项目“" + pr.name() + "”", pr.amount()));
        if (r.hasPrior()) {
            var prior = r.prior;
            f.add("上年收入总计", prior.revenueTotal());
            prior.revenue().forEach((source, amount) -> f.add("上年" + source.label, amount));
            f.add("上年支出总计", prior.expenditureTotal());
            f.add("上年基本支出", prior.basic());
            f.add("上年项目支出", prior.project());
            f.add("上年“三公”经费", prior.threePublicTotal());
            f.add("上年机关运行经费", prior.operatingExpenses());
            f.change("收入较上年变动", r.revenueChange());
            f.change("支出较上年变动", r.expenditureChange());
            // The gap between the two changes (validation's V06 names it; a clerk explaining it states it).
            f.add("收入变动与支出变动之差", r.revenueChange().delta().minus(r.expenditureChange().delta()));
            f.change("基本支出较上年变动", r.basicChange());
            f.change("项目支出较上年变动", r.projectChange());
            for (FundSource fund : FundSource.values()) {
                String label = RevenueSource.of(fund).label;
                r.priorExpenditureOf(fund).ifPresent(y -> f.add("上年" + label + "支出", y));
                f.change(label + "支出较上年变动", r.expenditureChange(fund));
                f.change(label + "基本支出较上年变动", r.basicChange(fund));
                f.change(label + "项目支出较上年变动", r.projectChange(fund));
            }
            f.change("“三公”经费较上年变动", r.threePublicChange());
            for (ThreePublicItem item : ThreePublicItem.values()) {
                f.change(item.label + "较上年变动", r.threePublicChange(item));
            }
            f.change("机关运行经费较上年变动", r.operatingExpensesChange());
        }
        return f;
    }

    /** Only the figures whose label passes {@code label} (e.g. those about revenue, for a revenue explanation). */
    public StatedFigures where(java.util.function.Predicate<String> label) {
        StatedFigures f = new StatedFigures();
        byText.forEach((text, labels) -> labels.stream().filter(label)
                .forEach(l -> f.byText.computeIfAbsent(text, k -> new ArrayList<>()).add(l)));
        return f;
    }

    private void add(String label, Yuan amount) {
        byText.computeIfAbsent(amount.abs().toWanYuanText(), k -> new ArrayList<>()).add(label);
    }

    private void change(String label, Change change) {
        add(label, change.delta());
    }

    private void change(String label, Optional<Change> change) {
        change.ifPresent(c -> change(label, c));
    }

    /** Whether {@code wanText} (as printed, e.g. "96.8") is one of the budget's figures. */
    public boolean contains(String wanText) {
        return byText.containsKey(normalize(wanText));
    }

    /** What the figure is, when it is one (several names when figures coincide). */
    public List<String> labelsOf(String wanText) {
        return byText.getOrDefault(normalize(wanText), List.of());
    }

    /** The figures nearest to {@code wanText}, for "could have meant" messages: up to {@code limit}, closest first. */
    public List<String> nearest(String wanText, int limit) {
        java.math.BigDecimal value = new java.math.BigDecimal(normalize(wanText));
        return byText.entrySet().stream()
                .filter(e -> !e.getKey().equals("0"))
                .sorted(java.util.Comparator.comparing(e -> new java.math.BigDecimal(e.getKey()).subtract(value).abs()))
                .limit(limit)
                .map(e -> e.getValue().getFirst() + e.getKey() + "万元")
                .toList();
    }

    static String normalize(String wanText) {
        java.math.BigDecimal v = new java.math.BigDecimal(wanText).stripTrailingZeros();
        return v.signum() == 0 ? "0" : v.toPlainString();
    }
}

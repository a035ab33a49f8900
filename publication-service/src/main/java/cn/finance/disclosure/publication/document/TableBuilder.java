package cn.finance.disclosure.publication.document;

import cn.finance.disclosure.events.Yuan;
import cn.finance.disclosure.model.BudgetContent;
import cn.finance.disclosure.model.BudgetContent.FundSource;
import cn.finance.disclosure.model.BudgetReading;
import cn.finance.disclosure.model.BudgetReading.Line;
import cn.finance.disclosure.model.RevenueSource;
import cn.finance.disclosure.model.ThreePublicItem;
import cn.finance.disclosure.publication.document.DisclosureTable.Column;
import cn.finance.disclosure.publication.document.DisclosureTable.Row;
import cn.finance.disclosure.publication.document.DisclosureTable.RowKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import static cn.finance.disclosure.publication.document.Amounts.cell;
import static cn.finance.disclosure.publication.document.Amounts.nz;

/**
 * Builds the standard disclosure tables (RULES-REFERENCE §3) from the approved budget. Every amount cell is 万元 with
 * two decimals, rounded on its own from exact yuan: totals are summed in yuan first, never from rounded cells.
 */
final class TableBuilder {

    static final String UNIT = "万元";
    static final String NO_GOVERNMENT_FUND = "无政府性基金预算拨款安排的支出，故本表为空表";
    static final String NO_STATE_CAPITAL = "无国有资本经营预算拨款安排的支出，故本表为空表";

    private static final String CODE = "科目编码";
    private static final String NAME = "科目名称";

    private final String departmentName;
    private final BudgetReading f;
    private final UnitType unit;
    private final ClassNames names;

    TableBuilder(String departmentName, BudgetReading reading, UnitType unit, ClassNames names) {
        this.departmentName = departmentName;
        this.f = reading;
        this.unit = unit;
        this.names = names;
    }

    List<DisclosureTable> tables() {
        List<DisclosureTable> tables = new ArrayList<>(List.of(
                incomeExpenditureSummary(), incomeSummary(), expenditureSummary(), fiscalAppropriationSummary(),
                generalBudgetExpenditure(), generalBudgetBasicExpenditure(), threePublicExpenses(),
                functionTable(TableCodes.GOVERNMENT_FUND_EXPENDITURE, "政府性基金预算支出表",
                        f.linesOf(FundSource.GOVERNMENT_FUND_BUDGET), unit.self() + NO_GOVERNMENT_FUND),
                functionTable(TableCodes.STATE_CAPITAL_EXPENDITURE, "国有资本经营预算支出表",
                        f.linesOf(FundSource.STATE_CAPITAL_OPERATING_BUDGET), unit.self() + NO_STATE_CAPITAL)));
        if (hasProcurement()) {
            tables.add(governmentProcurement());
        }
        if (!f.projects.isEmpty()) {
            tables.add(projectPerformanceTargets());
        }
        return tables;
    }

    // --- 部门收支总表 ----------------------------------------------------------------------------------------------------

    private DisclosureTable incomeExpenditureSummary() {
        List<String[]> left = new ArrayList<>();
        for (RevenueSource source : RevenueSource.values()) {
            if (source != RevenueSource.PRIOR_YEAR_CARRYOVER) {
                left.add(pair(source.label, f.revenueOf(source)));
            }
        }
        List<String[]> right = new ArrayList<>();
        BudgetReading.byClass(f.lines).forEach((code, amount) -> right.add(pair(names.functionClass(code), amount)));

        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
            String[] l = i < left.size() ? left.get(i) : new String[] {"", ""};
            String[] rt = i < right.size() ? right.get(i) : new String[] {"", ""};
            rows.add(new Row(RowKind.DETAIL, List.of(l[0], l[1], rt[0], rt[1])));
        }
        Yuan expenditure = f.expenditureTotal();
        rows.add(new Row(RowKind.TOTAL, List.of("本年收入合计", cell(f.currentYearRevenue()),
                "本年支出合计", cell(expenditure))));
        // A budget plans to spend what it has: nothing is planned to carry into next year.
        rows.add(new Row(RowKind.DETAIL, List.of("上年结转", cell(f.revenueOf(RevenueSource.PRIOR_YEAR_CARRYOVER)),
                "结转下年", cell(Yuan.ZERO))));
        rows.add(new Row(RowKind.TOTAL, List.of("收入总计", cell(f.revenueTotal()), "支出总计", cell(expenditure))));
        return new DisclosureTable(TableCodes.INCOME_EXPENDITURE_SUMMARY, "部门收支总表", UNIT, List.of(
                Column.text("项目").inGroup("收入"), Column.amount("预算数").inGroup("收入"),
                Column.text("项目").inGroup("支出"), Column.amount("预算数").inGroup("支出")), rows, null);
    }

    private static String[] pair(String label, Yuan amount) {
        return new String[] {label, cell(amount)};
    }

    // --- 部门收入总表 ----------------------------------------------------------------------------------------------------

    /** The income columns after 合计, each with the fund source whose lines it sums. */
    private static final Map<String, FundSource> INCOME_COLUMNS = incomeColumns();

    private static Map<String, FundSource> incomeColumns() {
        Map<String, FundSource> columns = new LinkedHashMap<>();
        columns.put("上年结转", FundSource.PRIOR_YEAR_CARRYOVER);
        columns.put("一般公共预算拨款", FundSource.GENERAL_PUBLIC_BUDGET);
        columns.put("政府性基金预算拨款", FundSource.GOVERNMENT_FUND_BUDGET);
        columns.put("国有资本经营预算拨款", FundSource.STATE_CAPITAL_OPERATING_BUDGET);
        columns.put("财政专户管理资金", FundSource.FISCAL_SPECIAL_ACCOUNT);
        columns.put("事业收入", FundSource.BUSINESS_REVENUE);
        columns.put("事业单位经营收入", FundSource.PUBLIC_INSTITUTION_OPERATING_REVENUE);
        columns.put("上级补助收入", FundSource.SUPERIOR_SUBSIDY);
        columns.put("附属单位上缴收入", FundSource.SUBORDINATE_UNIT_REMITTANCE);
        columns.put("其他收入", FundSource.OTHER);
        return columns;
    }

    private DisclosureTable incomeSummary() {
        List<Column> columns = new ArrayList<>(List.of(Column.code(CODE), Column.text(NAME), Column.amount("合计")));
        INCOME_COLUMNS.keySet().forEach(label -> columns.add(Column.amount(label)));
        Function<List<Line>, List<Yuan>> measures = lines -> {
            List<Yuan> values = new ArrayList<>();
            values.add(BudgetReading.total(lines));
            INCOME_COLUMNS.values().forEach(source -> values.add(BudgetReading.total(lines.stream()
                    .filter(l -> l.fund() == source).toList())));
            return values;
        };
        return new DisclosureTable(TableCodes.INCOME_SUMMARY, "部门收入总表", UNIT, columns,
                functionRows(f.lines, measures), null);
    }

    // --- 部门支出总表, 一般公共预算财政拨款支出表, 政府性基金 / 国有资本经营预算支出表 -----------------------------------------

    private DisclosureTable expenditureSummary() {
        return functionTable(TableCodes.EXPENDITURE_SUMMARY, "部门支出总表", f.lines, null);
    }

    private DisclosureTable generalBudgetExpenditure() {
        return functionTable(TableCodes.GENERAL_BUDGET_EXPENDITURE, "一般公共预算财政拨款支出表",
                f.linesOf(FundSource.GENERAL_PUBLIC_BUDGET), null);
    }

    /**
     * 编码, 名称, 合计, 基本支出, 项目支出 by 类/款/项. Where an {@code emptyNote} is given, a budget spending nothing
     * from these lines gets the empty table with that note ("本部门无…，故本表为空表").
     */
    private DisclosureTable functionTable(String code, String title, List<Line> lines, String emptyNote) {
        List<Column> columns = List.of(Column.code(CODE), Column.text(NAME), Column.amount("合计"),
                Column.amount("基本支出"), Column.amount("项目支出"));
        if (emptyNote != null && BudgetReading.total(lines).isZero()) {
            return new DisclosureTable(code, title, UNIT, columns, List.of(), emptyNote);
        }
        return new DisclosureTable(code, title, UNIT, columns, functionRows(lines, ls -> List.of(
                BudgetReading.total(ls), BudgetReading.basic(ls), BudgetReading.project(ls))), null);
    }

    /**
     * A 合计 row, then for each 类 its row, for each 款 under it its row, and the 项 rows under that, in code order.
     * Lines with the same item code (e.g. from different fund sources) make one row.
     */
    List<Row> functionRows(List<Line> lines, Function<List<Line>, List<Yuan>> measures) {
        List<Row> rows = new ArrayList<>();
        rows.add(amountRow(RowKind.TOTAL, "", "合计", measures.apply(lines)));
        BudgetReading.functionTree(lines).forEach((classCode, sections) -> {
            rows.add(amountRow(RowKind.CLASS, classCode, names.functionClass(classCode),
                    measures.apply(flatten(sections))));
            sections.forEach((sectionCode, items) -> {
                if (!sectionCode.isEmpty()) {
                    rows.add(amountRow(RowKind.SECTION, sectionCode, names.function(sectionCode),
                            measures.apply(items.values().stream().flatMap(List::stream).toList())));
                }
                items.forEach((itemCode, itemLines) -> {
                    if (!itemCode.isEmpty()) {
                        String name = itemLines.stream().map(Line::name)
                                .filter(n -> n != null && !n.isBlank()).findFirst().map(String::strip)
                                .orElse(names.function(itemCode));
                        rows.add(amountRow(RowKind.ITEM, itemCode, name, measures.apply(itemLines)));
                    }
                });
            });
        });
        return rows;
    }

    private static List<Line> flatten(Map<String, Map<String, List<Line>>> sections) {
        return sections.values().stream().flatMap(items -> items.values().stream()).flatMap(List::stream).toList();
    }

    private static Row amountRow(RowKind kind, String code, String name, List<Yuan> amounts) {
        List<String> cells = new ArrayList<>(List.of(code, name));
        amounts.forEach(a -> cells.add(cell(a)));
        return new Row(kind, cells);
    }

    // --- 财政拨款收支总表 ------------------------------------------------------------------------------------------------

    private static final List<FundSource> FISCAL_SOURCES = List.of(FundSource.GENERAL_PUBLIC_BUDGET,
            FundSource.GOVERNMENT_FUND_BUDGET, FundSource.STATE_CAPITAL_OPERATING_BUDGET);

    /**
     * Fiscal appropriations only (一般公共预算, 政府性基金预算, 国有资本经营预算): revenue on the left, expenditure by 类
     * on the right split by the three budgets. The submission does not split its carry-over by fund source, so the
     * table has no 上年结转 row rather than a guessed one.
     */
    private DisclosureTable fiscalAppropriationSummary() {
        List<Line> fiscalLines = f.lines.stream().filter(l -> FISCAL_SOURCES.contains(l.fund())).toList();
        Yuan income = f.revenueOf(RevenueSource.GENERAL_PUBLIC_BUDGET)
                .plus(f.revenueOf(RevenueSource.GOVERNMENT_FUND_BUDGET))
                .plus(f.revenueOf(RevenueSource.STATE_CAPITAL_OPERATING_BUDGET));
        List<String[]> left = List.of(
                pair("一、本年收入", income),
                pair("（一）一般公共预算拨款", f.revenueOf(RevenueSource.GENERAL_PUBLIC_BUDGET)),
                pair("（二）政府性基金预算拨款", f.revenueOf(RevenueSource.GOVERNMENT_FUND_BUDGET)),
                pair("（三）国有资本经营预算拨款", f.revenueOf(RevenueSource.STATE_CAPITAL_OPERATING_BUDGET)));
        Map<String, List<Line>> classes = new TreeMap<>();
        for (Line line : fiscalLines) {
            classes.computeIfAbsent(line.classCode(), k -> new ArrayList<>()).add(line);
        }
        List<List<String>> right = new ArrayList<>();
        right.add(fiscalSplit("一、本年支出", fiscalLines));
        classes.forEach((code, lines) -> right.add(fiscalSplit(names.functionClass(code), lines)));

        List<Row> rows = new ArrayList<>();
        List<String> blankRight = List.of("", "", "", "", "");
        for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
            List<String> cells = new ArrayList<>();
            if (i < left.size()) {
                cells.addAll(List.of(left.get(i)));
            } else {
                cells.addAll(List.of("", ""));
            }
            cells.addAll(i < right.size() ? right.get(i) : blankRight);
            rows.add(new Row(i == 0 ? RowKind.CLASS : RowKind.DETAIL, cells));
        }
        List<String> total = new ArrayList<>(List.of("收入总计", cell(income)));
        total.addAll(fiscalSplit("支出总计", fiscalLines));
        rows.add(new Row(RowKind.TOTAL, total));
        return new DisclosureTable(TableCodes.FISCAL_APPROPRIATION_SUMMARY, "财政拨款收支总表", UNIT, List.of(
                Column.text("项目").inGroup("收入"), Column.amount("预算数").inGroup("收入"),
                Column.text("项目").inGroup("支出"), Column.amount("合计").inGroup("支出"),
                Column.amount("一般公共预算").inGroup("支出"), Column.amount("政府性基金预算").inGroup("支出"),
                Column.amount("国有资本经营预算").inGroup("支出")), rows, null);
    }

    private static List<String> fiscalSplit(String label, List<Line> lines) {
        List<String> cells = new ArrayList<>(List.of(label, cell(BudgetReading.total(lines))));
        for (FundSource source : FISCAL_SOURCES) {
            cells.add(cell(BudgetReading.total(lines.stream().filter(l -> l.fund() == source).toList())));
        }
        return cells;
    }

    // --- 一般公共预算财政拨款基本支出表 ------------------------------------------------------------------------------------

    /**
     * Basic expenditure by economic class, 类 rows with their 款 beneath where the budget gives 款 codes. 人员经费 are
     * classes 301 and 303, 公用经费 classes 302 and 310 (and any other class; see
     * {@link BudgetReading#isPersonnel}). The submission states basic expenditure by economic class for the
     * whole budget; for a unit funded by the general public budget alone that is this table.
     */
    private DisclosureTable generalBudgetBasicExpenditure() {
        List<Row> rows = new ArrayList<>();
        rows.add(economicRow(RowKind.TOTAL, "", "合计", f.personnelExpenses(), f.publicExpenses()));
        for (BudgetReading.EconomicClass c : f.economicClasses()) {
            boolean personnel = c.personnel();
            String name = c.listedName() != null ? c.listedName() : names.economic(c.code());
            // The class row is the class's amount; its listed 款 are a breakdown beneath it, never added again.
            rows.add(economicRow(RowKind.CLASS, c.code(), name, personnel ? c.amount() : Yuan.ZERO,
                    personnel ? Yuan.ZERO : c.amount()));
            for (BudgetReading.Economic e : c.breakdown()) {
                String code = e.code().strip();
                String itemName = e.name() == null || e.name().isBlank() ? names.economic(code) : e.name().strip();
                rows.add(economicRow(RowKind.SECTION, code, itemName,
                        personnel ? e.amount() : Yuan.ZERO, personnel ? Yuan.ZERO : e.amount()));
            }
        }
        return new DisclosureTable(TableCodes.GENERAL_BUDGET_BASIC_EXPENDITURE, "一般公共预算财政拨款基本支出表", UNIT,
                List.of(Column.code("经济分类科目编码"), Column.text(NAME), Column.amount("合计"),
                        Column.amount("人员经费"), Column.amount("公用经费")), rows, null);
    }

    private static Row economicRow(RowKind kind, String code, String name, Yuan personnel, Yuan publicCosts) {
        return new Row(kind, List.of(code, name, cell(personnel.plus(publicCosts)), cell(personnel), cell(publicCosts)));
    }

    // --- 一般公共预算“三公”经费支出表 -----------------------------------------------------------------------------------

    private DisclosureTable threePublicExpenses() {
        List<Row> rows = new ArrayList<>();
        if (f.hasPrior()) {
            rows.add(threePublicRow(f.priorFiscalYear() + "年预算数", f.prior.threePublic()));
        }
        rows.add(threePublicRow(f.fiscalYear + "年预算数", f.threePublic));
        String vehicles = "公务用车购置及运行费";
        return new DisclosureTable(TableCodes.THREE_PUBLIC_EXPENSES, "一般公共预算“三公”经费支出表", UNIT, List.of(
                Column.text("项目"), Column.amount("合计"), Column.amount("因公出国（境）费"),
                Column.amount("小计").inGroup(vehicles), Column.amount("购置费").inGroup(vehicles),
                Column.amount("运行费").inGroup(vehicles), Column.amount("公务接待费")), rows, null);
    }

    private static Row threePublicRow(String label, Map<ThreePublicItem, Yuan> t) {
        Yuan purchase = t.get(ThreePublicItem.VEHICLE_PURCHASE);
        Yuan running = t.get(ThreePublicItem.VEHICLE_OPERATION);
        return new Row(RowKind.DETAIL, List.of(label, cell(Yuan.sum(t.values())),
                cell(t.get(ThreePublicItem.OUTBOUND_TRAVEL)), cell(purchase.plus(running)), cell(purchase),
                cell(running), cell(t.get(ThreePublicItem.OFFICIAL_RECEPTION))));
    }

    // --- 政府采购预算表 ------------------------------------------------------------------------------------------------

    private boolean hasProcurement() {
        return !f.procurement.total().isZero() || !f.procurement.generalTotal().isZero();
    }

    private DisclosureTable governmentProcurement() {
        var p = f.procurement;
        List<Row> rows = List.of(
                procurementRow(RowKind.TOTAL, "合计", p.total(), p.generalTotal()),
                procurementRow(RowKind.DETAIL, "货物", p.goods(), p.generalGoods()),
                procurementRow(RowKind.DETAIL, "工程", p.works(), p.generalWorks()),
                procurementRow(RowKind.DETAIL, "服务", p.services(), p.generalServices()));
        return new DisclosureTable(TableCodes.GOVERNMENT_PROCUREMENT, "政府采购预算表", UNIT, List.of(
                Column.text("采购类别"), Column.amount("合计"), Column.amount("一般公共预算拨款"),
                Column.amount("其他资金")), rows, null);
    }

    private static Row procurementRow(RowKind kind, String label, Yuan total, Yuan generalPublicBudget) {
        return new Row(kind, List.of(label, cell(total), cell(generalPublicBudget),
                cell(total.minus(generalPublicBudget))));
    }

    // --- 项目支出绩效目标表 --------------------------------------------------------------------------------------------

    /** One row per performance target (a project without targets still gets a row), the project repeated on each. */
    private DisclosureTable projectPerformanceTargets() {
        List<Row> rows = new ArrayList<>();
        for (var project : f.projects) {
            String name = project.name() == null ? "" : project.name().strip();
            String amount = cell(project.amount());
            List<BudgetContent.PerformanceTarget> targets = project.targets();
            if (targets.isEmpty()) {
                rows.add(new Row(RowKind.DETAIL, List.of(name, departmentName, amount, "", "", "")));
            }
            for (var t : targets) {
                rows.add(new Row(RowKind.DETAIL, List.of(name, departmentName, amount, orEmpty(t.category()),
                        orEmpty(t.indicator()), orEmpty(t.target()))));
            }
        }
        return new DisclosureTable(TableCodes.PROJECT_PERFORMANCE_TARGETS, "项目支出绩效目标表", UNIT, List.of(
                Column.text("项目名称"), Column.text("实施单位"), Column.amount("项目资金"), Column.text("一级指标"),
                Column.text("绩效指标"), Column.text("指标值")), rows, null);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s.strip();
    }
}

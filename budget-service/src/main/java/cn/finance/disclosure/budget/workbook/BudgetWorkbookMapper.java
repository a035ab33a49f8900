package cn.finance.disclosure.budget.workbook;

import cn.finance.disclosure.budget.catalog.ClassificationCatalog;
import cn.finance.disclosure.events.Yuan;
import cn.finance.disclosure.model.BudgetContent;
import cn.finance.disclosure.model.BudgetContent.Assets;
import cn.finance.disclosure.model.BudgetContent.ChangeExplanations;
import cn.finance.disclosure.model.BudgetContent.EconomicClassAmount;
import cn.finance.disclosure.model.BudgetContent.ExpenditureLine;
import cn.finance.disclosure.model.BudgetContent.FundExpenditure;
import cn.finance.disclosure.model.BudgetContent.FundSource;
import cn.finance.disclosure.model.BudgetContent.GovernmentProcurement;
import cn.finance.disclosure.model.BudgetContent.PerformanceTarget;
import cn.finance.disclosure.model.BudgetContent.PriorYear;
import cn.finance.disclosure.model.BudgetContent.PriorYearOrigin;
import cn.finance.disclosure.model.BudgetContent.Project;
import cn.finance.disclosure.model.BudgetContent.Revenue;
import cn.finance.disclosure.model.BudgetContent.ThreePublicExpenses;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The one place that knows both the budget workbook and the budget body ({@link BudgetContent}): which sheet, row
 * and column holds which field, in both directions. {@link #write} fills the template (or exports a budget);
 * {@link #read} turns an uploaded workbook back into a body, naming the cell of every problem, and remembers which
 * cell each field came from so that the body's own validation can point at cells too. When the body changes, this
 * class (and only this class) changes with it.
 *
 * <p>Layout: key-value sheets (收入, 三公经费, 机关运行经费, 政府采购, 上年数, 说明) hold a label in column A and its
 * value in column B; rows are found by their label, so inserted or blank rows do no harm. List sheets (支出,
 * 基本支出, 项目及绩效目标) have a header row, a 合计 row of formulas where a total means something, and one row per
 * line below; blank rows are skipped. 上年数 also holds a small table, the prior year's basic and project expenditure per
 * fund source, between its header row (上年支出：资金来源) and its 合计 row, and says where the prior year came from
 * (read-only, the sheet locked, when it is the department's approved budget of that year). Amounts are 元 with two
 * decimals. Sheets other than these (the hidden 代码表 the drop-down lists read from, a clerk's scratch sheet) are
 * ignored; these sheets are read even when hidden.
 */
public final class BudgetWorkbookMapper {

    static final String REVENUE = "收入";
    static final String EXPENDITURE = "支出";
    static final String BASIC = "基本支出";
    static final String THREE_PUBLIC = "三公经费";
    static final String OPERATING = "机关运行经费";
    static final String PROCUREMENT = "政府采购";
    static final String PROJECTS = "项目及绩效目标";
    static final String PRIOR = "上年数";
    static final String NOTES = "说明";
    static final String CODES = "代码表";
    /** Labels of the 上年数 sheet's expenditure table and origin rows. */
    static final String PRIOR_FUND_HEADER = "上年支出：资金来源";
    static final String PRIOR_FUND_TOTAL = "上年支出：合计";
    static final String PRIOR_ORIGIN = "上年数来源";
    static final String PRIOR_ORIGIN_BUDGET = "来源预算编号";
    static final String PRIOR_ORIGIN_REVISION = "来源预算版本";
    static final String ORIGIN_ENTERED = "单位填报";
    static final String ORIGIN_APPROVED = "系统中已批准的上年预算";

    /** Rows (0-based) of the list sheets: title, header, total, first line. */
    static final int HEADER_ROW = 1;
    static final int TOTAL_ROW = 2;
    static final int FIRST_LINE = 3;
    /** How many rows the template prepares (formulas, drop-downs); more may be added. */
    static final int PREPARED_ROWS = 300;
    static final int MAX_LINES = 2_000;

    private static final List<String> FUND_LABELS = List.of("一般公共预算", "政府性基金预算", "国有资本经营预算",
            "财政专户管理资金", "事业收入", "事业单位经营收入", "上级补助收入", "附属单位上缴收入", "其他收入", "上年结转");
    private static final List<String> TARGET_CATEGORIES = List.of("产出指标", "效益指标", "满意度指标", "成本指标");
    private static final List<String> REVENUE_LABELS = List.of("一般公共预算拨款", "政府性基金预算拨款", "国有资本经营预算拨款",
            "财政专户管理资金", "事业收入", "事业单位经营收入", "上级补助收入", "附属单位上缴收入", "其他收入", "上年结转");
    private static final List<String> REVENUE_FIELDS = List.of("generalPublicBudgetAppropriation",
            "governmentFundBudgetAppropriation", "stateCapitalOperatingBudgetAppropriation", "fiscalSpecialAccountFunds",
            "businessRevenue", "publicInstitutionOperatingRevenue", "superiorSubsidyRevenue",
            "subordinateUnitRemittance", "otherRevenue", "priorYearCarryover");
    private static final List<String> THREE_PUBLIC_LABELS = List.of("因公出国（境）费", "公务接待费", "公务用车购置费",
            "公务用车运行维护费");
    private static final List<String> THREE_PUBLIC_FIELDS = List.of("outboundTravel", "officialReception",
            "vehiclePurchase", "vehicleOperationAndMaintenance");

    private static final List<String> INSTRUCTIONS = List.of(
            "填报说明",
            "1. 金额单位为元，保留两位小数；合计行是公式，不必填写，导入时不读取。",
            "2. 编码可从下拉列表选择（来自本年度科目表），也可直接填写；不在科目表中的编码导入后由校验提示。",
            "3. 支出表每行为一个“项”级科目与一种资金来源；可以增加行，空行会被忽略。",
            "4. 项目及绩效目标表每行一个绩效指标；同一项目的后续指标行，项目名称可留空或合并单元格。",
            "5. 文字不能以 = + - @ 开头；金额单元格可以是公式，但不能引用其他文件。",
            "6. 请勿修改工作表名称和 A 列的项目名称；导入后与在系统中直接填报一样校验。");

    /** Where a field of the body sits: sheet and cell, by the body's property path. */
    public record Origin(String sheet, String cell) {
    }

    /** A read body and the cell each of its fields came from. */
    public record Read(BudgetContent submission, Map<String, Origin> origins) {
    }

    // ---------------------------------------------------------------- write

    /**
     * The workbook for {@code fiscalYear}: empty (the template) when {@code budget} is null, else filled with it.
     * {@code catalog} may be null (a year without catalog): then the code columns have no drop-down lists.
     */
    public XSSFWorkbook write(BudgetContent budget, int fiscalYear, ClassificationCatalog catalog) {
        XSSFWorkbook wb = new XSSFWorkbook();
        Styles styles = new Styles(wb);
        BudgetContent b = budget;
        int codesFunction = 0;
        int codesEconomic = 0;

        Sheet revenue = keyValueSheet(wb, REVENUE, "收入预算（单位：元）", styles);
        int r = 2;
        textRow(revenue, r++, "单位编码", b == null ? null : b.departmentCode(), styles, true);
        intRow(revenue, r++, "预算年度", b == null ? fiscalYear : b.fiscalYear(), styles);
        int firstRevenue = r;
        r = revenueRows(revenue, r, "", b == null ? null : b.revenue(), styles, b == null);
        totalRow(revenue, r, "收入总计", "SUM(B" + (firstRevenue + 1) + ":B" + r + ")", styles);

        Sheet lines = listSheet(wb, EXPENDITURE, "支出预算（按功能分类“项”级科目与资金来源，单位：元）",
                List.of("功能分类编码", "功能分类名称", "资金来源", "基本支出（元）", "项目支出（元）", "合计（元）"),
                new int[]{14, 30, 18, 16, 16, 16}, styles);
        listTotals(lines, "ABC", new int[]{3, 4, 5}, styles);
        List<ExpenditureLine> expenditure = b == null ? List.of() : b.expenditureLines();
        int rows = Math.max(PREPARED_ROWS, expenditure.size());
        for (int i = 0; i < rows; i++) {
            Row row = lines.createRow(FIRST_LINE + i);
            ExpenditureLine l = i < expenditure.size() ? expenditure.get(i) : null;
            setText(row, 0, l == null ? null : l.functionCode(), styles.code);
            setText(row, 1, l == null ? null : l.functionName(), styles.text);
            setText(row, 2, l == null || l.fundSource() == null ? null : FUND_LABELS.get(l.fundSource().ordinal()),
                    styles.text);
            setAmount(row, 3, l == null ? null : l.basic(), styles);
            setAmount(row, 4, l == null ? null : l.project(), styles);
            int excel = FIRST_LINE + i + 1;
            row.createCell(5).setCellFormula("IF(COUNT(D" + excel + ":E" + excel + ")=0,\"\",SUM(D" + excel + ":E"
                    + excel + "))");
            row.getCell(5).setCellStyle(styles.total);
        }

        Sheet basic = listSheet(wb, BASIC, "基本支出（按部门预算支出经济分类“类”或“款”，单位：元）",
                List.of("经济分类编码", "经济分类名称", "金额（元）"), new int[]{14, 30, 16}, styles);
        List<EconomicClassAmount> economic = b == null ? List.of() : b.basicExpenditureByEconomicClass();
        rows = Math.max(PREPARED_ROWS, economic.size());
        for (int i = 0; i < rows; i++) {
            Row row = basic.createRow(FIRST_LINE + i);
            EconomicClassAmount e = i < economic.size() ? economic.get(i) : null;
            setText(row, 0, e == null ? null : e.economicCode(), styles.code);
            setText(row, 1, e == null ? null : e.economicName(), styles.text);
            setAmount(row, 2, e == null ? null : e.amount(), styles);
        }
        // a 类 (3 digits) and its 款 would count twice: the total adds the 类 rows, or the 款 rows when there are none
        listTotals(basic, "AB", new int[]{2}, styles);

        Sheet three = keyValueSheet(wb, THREE_PUBLIC, "“三公”经费预算（单位：元）", styles);
        r = threePublicRows(three, 2, "", b == null ? null : b.threePublicExpenses(), styles, b == null);
        totalRow(three, r, "合计", "SUM(B3:B" + r + ")", styles);

        Sheet operating = keyValueSheet(wb, OPERATING, "机关运行经费（单位：元）", styles);
        amountRow(operating, 2, "机关运行经费", b == null ? null : b.operatingExpenses(), styles, b == null);
        textRow(operating, 3, "主要用途", b == null ? null : b.operatingExpensesUse(), styles, false);

        Sheet procurement = keyValueSheet(wb, PROCUREMENT, "政府采购预算（单位：元）", styles);
        GovernmentProcurement gp = b == null ? null : b.governmentProcurement();
        amountRow(procurement, 2, "货物", gp == null ? null : gp.goods(), styles, b == null);
        amountRow(procurement, 3, "工程", gp == null ? null : gp.works(), styles, b == null);
        amountRow(procurement, 4, "服务", gp == null ? null : gp.services(), styles, b == null);
        totalRow(procurement, 5, "合计", "SUM(B3:B5)", styles);
        amountRow(procurement, 6, "其中一般公共预算：货物", gp == null ? null : gp.generalPublicBudgetGoods(), styles, b == null);
        amountRow(procurement, 7, "其中一般公共预算：工程", gp == null ? null : gp.generalPublicBudgetWorks(), styles, b == null);
        amountRow(procurement, 8, "其中一般公共预算：服务", gp == null ? null : gp.generalPublicBudgetServices(), styles,
                b == null);
        totalRow(procurement, 9, "其中一般公共预算合计", "SUM(B7:B9)", styles);

        Sheet projects = listSheet(wb, PROJECTS, "项目支出及绩效目标（每行一个绩效指标，单位：元）",
                List.of("项目名称", "功能分类编码", "项目金额（元）", "指标类别", "绩效指标", "指标值"),
                new int[]{30, 14, 16, 14, 30, 20}, styles);
        projects.removeRow(projects.getRow(TOTAL_ROW));
        Row projectTotal = projects.createRow(TOTAL_ROW);
        projectTotal.createCell(0).setCellValue("（每个项目的金额只计一次）");
        int pr = FIRST_LINE;
        for (Project p : b == null ? List.<Project>of() : b.projects()) {
            List<PerformanceTarget> targets = p.performanceTargets() == null ? List.of() : p.performanceTargets();
            int span = Math.max(1, targets.size());
            for (int t = 0; t < span; t++) {
                Row row = projects.createRow(pr + t);
                if (t == 0) {
                    setText(row, 0, p.name(), styles.text);
                    setText(row, 1, p.functionCode(), styles.code);
                    setAmount(row, 2, p.amount(), styles);
                }
                PerformanceTarget target = t < targets.size() ? targets.get(t) : null;
                setText(row, 3, target == null ? null : target.category(), styles.text);
                setText(row, 4, target == null ? null : target.indicator(), styles.text);
                setText(row, 5, target == null ? null : target.target(), styles.text);
            }
            if (span > 1) {
                for (int col = 0; col < 3; col++) {
                    projects.addMergedRegion(new CellRangeAddress(pr, pr + span - 1, col, col));
                }
            }
            pr += span;
        }
        for (int i = pr; i < FIRST_LINE + PREPARED_ROWS; i++) {
            Row row = projects.createRow(i);
            for (int col = 0; col < 6; col++) {
                row.createCell(col).setCellStyle(col == 1 ? styles.code : col == 2 ? styles.amount : styles.text);
            }
        }

        Sheet prior = keyValueSheet(wb, PRIOR, "上年预算数（用于同上年比较，单位：元）", styles);
        PriorYear py = b == null ? null : b.priorYear();
        intRow(prior, 2, "上年年度", py == null ? (b == null ? fiscalYear - 1 : null) : py.fiscalYear(), styles);
        r = revenueRows(prior, 3, "上年收入：", py == null ? null : py.revenue(), styles, b == null);
        // expenditure per fund source, split as the budget's lines are: a small table inside the key-value sheet
        header(prior, r, List.of(PRIOR_FUND_HEADER, "基本支出（元）", "项目支出（元）", "合计（元）"), styles);
        prior.setColumnWidth(2, 16 * 256);
        prior.setColumnWidth(3, 16 * 256);
        List<FundExpenditure> priorFunds = py == null || py.expenditure() == null ? List.of() : py.expenditure();
        int firstFund = r + 1;
        int fundRows = Math.max(FUND_LABELS.size(), priorFunds.size());
        for (int i = 0; i < fundRows; i++) {
            Row row = prior.createRow(firstFund + i);
            FundExpenditure f = i < priorFunds.size() ? priorFunds.get(i) : null;
            setText(row, 0, f == null || f.fundSource() == null ? null : FUND_LABELS.get(f.fundSource().ordinal()),
                    styles.text);
            setAmount(row, 1, f == null ? null : f.basic(), styles);
            setAmount(row, 2, f == null ? null : f.project(), styles);
            int excel = firstFund + i + 1;
            row.createCell(3).setCellFormula("IF(COUNT(B" + excel + ":C" + excel + ")=0,\"\",SUM(B" + excel + ":C"
                    + excel + "))");
            row.getCell(3).setCellStyle(styles.total);
        }
        r = firstFund + fundRows;
        Row fundTotal = prior.createRow(r);
        labelCell(fundTotal, PRIOR_FUND_TOTAL, styles);
        for (int col = 1; col <= 3; col++) {
            String letter = String.valueOf((char) ('A' + col));
            Cell c = fundTotal.createCell(col);
            c.setCellFormula("SUM(" + letter + (firstFund + 1) + ":" + letter + r + ")");
            c.setCellStyle(styles.total);
        }
        dropDown(prior, 0, firstFund, r - 1, "代码表!$E$2:$E$" + (FUND_LABELS.size() + 1), true);
        r++;
        // the older shape (totals over all sources): kept so such a budget exports and imports unchanged
        int firstOld = r;
        amountRow(prior, r++, "上年支出合计", py == null ? null : py.expenditureTotal(), styles, false);
        amountRow(prior, r++, "上年基本支出", py == null ? null : py.basicExpenditure(), styles, false);
        amountRow(prior, r++, "上年项目支出", py == null ? null : py.projectExpenditure(), styles, false);
        amountRow(prior, r++, "上年一般公共预算财政拨款支出",
                py == null ? null : py.generalPublicBudgetAppropriationExpenditure(), styles, false);
        amountRow(prior, r++, "上年政府性基金预算支出", py == null ? null : py.governmentFundExpenditure(), styles,
                false);
        prior.getRow(firstOld).createCell(2).setCellValue("以上五行为旧格式，按资金来源填写上表时留空");
        r = threePublicRows(prior, r, "上年", py == null ? null : py.threePublicExpenses(), styles, b == null);
        amountRow(prior, r++, "上年机关运行经费", py == null ? null : py.operatingExpenses(), styles, b == null);
        PriorYearOrigin from = py == null ? null : py.origin();
        boolean approved = from != null && PriorYearOrigin.APPROVED_BUDGET.equals(from.source());
        textRow(prior, r, PRIOR_ORIGIN, approved ? ORIGIN_APPROVED : ORIGIN_ENTERED, styles, false);
        prior.getRow(r++).createCell(2).setCellValue(approved
                ? "本表数字取自本单位上年在系统中已批准的预算，只读；导入时系统按该预算重新填写"
                : "由单位填报；上年预算在系统中批准后，系统将按其自动填写");
        textRow(prior, r++, PRIOR_ORIGIN_BUDGET, approved ? from.budgetId() : null, styles, false);
        intRow(prior, r, PRIOR_ORIGIN_REVISION, approved ? from.revision() : null, styles);
        if (approved) {
            // read-only in Excel (no password: it guards against slips, the service refills these figures anyway)
            ((XSSFSheet) prior).enableLocking();
        }

        Sheet notes = wb.createSheet(NOTES);
        notes.setColumnWidth(0, 34 * 256);
        notes.setColumnWidth(1, 80 * 256);
        for (int i = 0; i < INSTRUCTIONS.size(); i++) {
            Cell c = notes.createRow(i).createCell(0);
            c.setCellValue(INSTRUCTIONS.get(i));
            c.setCellStyle(i == 0 ? styles.title : styles.plain);
        }
        r = INSTRUCTIONS.size() + 1;
        header(notes, r++, List.of("项目", "内容"), styles);
        Assets a = b == null ? null : b.assets();
        ChangeExplanations why = b == null ? null : b.changeExplanations();
        textRow(notes, r++, "基本支出主要用途", b == null ? null : b.basicExpenditureUse(), styles, false);
        textRow(notes, r++, "项目支出主要用途", b == null ? null : b.projectExpenditureUse(), styles, false);
        amountRow(notes, r++, "实行绩效目标管理的项目金额", b == null ? null : b.performanceManagedProjectAmount(), styles,
                b == null);
        textRow(notes, r++, "车辆截止年月", a == null ? (b == null ? (fiscalYear - 1) + "-12" : null) : a.asOf(),
                styles, true);
        intRow(notes, r++, "车辆总数", a == null ? null : a.vehiclesTotal(), styles);
        intRow(notes, r++, "其中一般公务用车", a == null ? null : a.generalOfficialVehicles(), styles);
        intRow(notes, r++, "其中执勤执法用车", a == null ? null : a.lawEnforcementVehicles(), styles);
        intRow(notes, r++, "计划购置车辆", a == null ? null : a.plannedVehiclePurchases(), styles);
        intRow(notes, r++, "计划购置一般公务用车", a == null ? null : a.plannedGeneralOfficialVehiclePurchases(), styles);
        intRow(notes, r++, "计划购置执勤执法用车", a == null ? null : a.plannedLawEnforcementVehiclePurchases(), styles);
        textRow(notes, r++, "收入变动原因", why == null ? null : why.revenue(), styles, false);
        textRow(notes, r++, "支出变动原因", why == null ? null : why.expenditure(), styles, false);
        textRow(notes, r++, "基本支出变动原因", why == null ? null : why.basicExpenditure(), styles, false);
        textRow(notes, r++, "项目支出变动原因", why == null ? null : why.projectExpenditure(), styles, false);
        textRow(notes, r, "机关运行经费变动原因", why == null ? null : why.operatingExpenses(), styles, false);

        Sheet codes = wb.createSheet(CODES);
        header(codes, 0, List.of("功能分类编码", "功能分类名称", "经济分类编码", "经济分类名称", "资金来源", "指标类别"), styles);
        if (catalog != null) {
            codesFunction = column(codes, 0, catalog.functionCodes().entries(), styles);
            codesEconomic = column(codes, 2, catalog.economicCodes().entries(), styles);
        }
        for (int i = 0; i < FUND_LABELS.size(); i++) {
            row(codes, i + 1).createCell(4).setCellValue(FUND_LABELS.get(i));
        }
        for (int i = 0; i < TARGET_CATEGORIES.size(); i++) {
            row(codes, i + 1).createCell(5).setCellValue(TARGET_CATEGORIES.get(i));
        }
        wb.setSheetVisibility(wb.getSheetIndex(CODES), SheetVisibility.HIDDEN);

        int last = FIRST_LINE + Math.max(PREPARED_ROWS, Math.max(expenditure.size(), economic.size())) - 1;
        if (codesFunction > 0) {
            dropDown(lines, 0, last, "代码表!$A$2:$A$" + (codesFunction + 1), false);
            dropDown(projects, 1, last, "代码表!$A$2:$A$" + (codesFunction + 1), false);
        }
        if (codesEconomic > 0) {
            dropDown(basic, 0, last, "代码表!$C$2:$C$" + (codesEconomic + 1), false);
        }
        dropDown(lines, 2, last, "代码表!$E$2:$E$" + (FUND_LABELS.size() + 1), true);
        dropDown(projects, 3, last, "代码表!$F$2:$F$" + (TARGET_CATEGORIES.size() + 1), false);
        wb.setActiveSheet(0);
        return wb;
    }

    private static int revenueRows(Sheet sheet, int r, String prefix, Revenue revenue, Styles styles, boolean zero) {
        List<Function<Revenue, Yuan>> getters = List.of(Revenue::generalPublicBudgetAppropriation,
                Revenue::governmentFundBudgetAppropriation, Revenue::stateCapitalOperatingBudgetAppropriation,
                Revenue::fiscalSpecialAccountFunds, Revenue::businessRevenue,
                Revenue::publicInstitutionOperatingRevenue, Revenue::superiorSubsidyRevenue,
                Revenue::subordinateUnitRemittance, Revenue::otherRevenue, Revenue::priorYearCarryover);
        for (int i = 0; i < REVENUE_LABELS.size(); i++) {
            amountRow(sheet, r++, prefix + REVENUE_LABELS.get(i), revenue == null ? null : getters.get(i).apply(revenue),
                    styles, zero);
        }
        return r;
    }

    private static int threePublicRows(Sheet sheet, int r, String prefix, ThreePublicExpenses t, Styles styles,
                                       boolean zero) {
        List<Function<ThreePublicExpenses, Yuan>> getters = List.of(ThreePublicExpenses::outboundTravel,
                ThreePublicExpenses::officialReception, ThreePublicExpenses::vehiclePurchase,
                ThreePublicExpenses::vehicleOperationAndMaintenance);
        for (int i = 0; i < THREE_PUBLIC_LABELS.size(); i++) {
            amountRow(sheet, r++, prefix + THREE_PUBLIC_LABELS.get(i), t == null ? null : getters.get(i).apply(t),
                    styles, zero);
        }
        return r;
    }

    private static int column(Sheet codes, int column, Map<String, String> entries, Styles styles) {
        int i = 1;
        for (Map.Entry<String, String> e : entries.entrySet()) {
            Row row = row(codes, i++);
            Cell code = row.createCell(column);
            code.setCellValue(e.getKey());
            code.setCellStyle(styles.code);
            row.createCell(column + 1).setCellValue(e.getValue());
        }
        return entries.size();
    }

    private static Row row(Sheet sheet, int index) {
        Row row = sheet.getRow(index);
        return row == null ? sheet.createRow(index) : row;
    }

    private static void dropDown(Sheet sheet, int column, int lastRow, String range, boolean strict) {
        dropDown(sheet, column, FIRST_LINE, lastRow, range, strict);
    }

    private static void dropDown(Sheet sheet, int column, int firstRow, int lastRow, String range, boolean strict) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidation v = helper.createValidation(helper.createFormulaListConstraint(range),
                new CellRangeAddressList(firstRow, lastRow, column, column));
        v.setShowErrorBox(true);
        // codes outside the bundled list are allowed (the validator reports them): a warning, not a stop
        v.setErrorStyle(strict ? DataValidation.ErrorStyle.STOP : DataValidation.ErrorStyle.WARNING);
        v.createErrorBox("不在列表中", strict ? "请从下拉列表中选择" : "该编码不在本年度科目表中，导入后校验会提示");
        sheet.addValidationData(v);
    }

    private static Sheet keyValueSheet(XSSFWorkbook wb, String name, String title, Styles styles) {
        Sheet sheet = wb.createSheet(name);
        sheet.setColumnWidth(0, 34 * 256);
        sheet.setColumnWidth(1, 40 * 256);
        Cell t = sheet.createRow(0).createCell(0);
        t.setCellValue(title);
        t.setCellStyle(styles.title);
        header(sheet, 1, List.of("项目", "数值"), styles);
        return sheet;
    }

    private static Sheet listSheet(XSSFWorkbook wb, String name, String title, List<String> headers, int[] widths,
                                   Styles styles) {
        Sheet sheet = wb.createSheet(name);
        Cell t = sheet.createRow(0).createCell(0);
        t.setCellValue(title);
        t.setCellStyle(styles.title);
        header(sheet, HEADER_ROW, headers, styles);
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        sheet.createRow(TOTAL_ROW);
        sheet.createFreezePane(0, FIRST_LINE);
        return sheet;
    }

    /** The 合计 row of a list sheet: label in A and visible SUM formulas over the prepared rows. */
    private static void listTotals(Sheet sheet, String labelColumns, int[] amountColumns, Styles styles) {
        Row row = sheet.getRow(TOTAL_ROW);
        Cell label = row.createCell(0);
        label.setCellValue("合计");
        label.setCellStyle(styles.label);
        int from = FIRST_LINE + 1;
        int to = FIRST_LINE + PREPARED_ROWS;
        for (int column : amountColumns) {
            String letter = String.valueOf((char) ('A' + column));
            Cell c = row.createCell(column);
            if (sheet.getSheetName().equals(BASIC)) {
                // 类 rows (3-digit codes) when there are any, else the 款 rows (5 digits)
                String range = "$C$" + from + ":$C$" + to;
                String codes = "$A$" + from + ":$A$" + to;
                c.setCellFormula("IF(SUMIF(" + codes + ",\"???\"," + range + ")>0,SUMIF(" + codes + ",\"???\","
                        + range + "),SUMIF(" + codes + ",\"?????\"," + range + "))");
            } else {
                c.setCellFormula("SUM(" + letter + from + ":" + letter + to + ")");
            }
            c.setCellStyle(styles.total);
        }
    }

    private static void header(Sheet sheet, int r, List<String> labels, Styles styles) {
        Row row = sheet.createRow(r);
        for (int i = 0; i < labels.size(); i++) {
            Cell c = row.createCell(i);
            c.setCellValue(labels.get(i));
            c.setCellStyle(styles.header);
        }
    }

    private static void amountRow(Sheet sheet, int r, String label, Yuan value, Styles styles, boolean zero) {
        Row row = sheet.createRow(r);
        labelCell(row, label, styles);
        setAmount(row, 1, value == null && zero ? Yuan.ZERO : value, styles);
    }

    private static void intRow(Sheet sheet, int r, String label, Integer value, Styles styles) {
        Row row = sheet.createRow(r);
        labelCell(row, label, styles);
        Cell c = row.createCell(1);
        c.setCellStyle(styles.integer);
        if (value != null) {
            c.setCellValue(value);
        }
    }

    private static void textRow(Sheet sheet, int r, String label, String value, Styles styles, boolean code) {
        Row row = sheet.createRow(r);
        labelCell(row, label, styles);
        setText(row, 1, value, code ? styles.code : styles.text);
    }

    private static void totalRow(Sheet sheet, int r, String label, String formula, Styles styles) {
        Row row = sheet.createRow(r);
        labelCell(row, label, styles);
        Cell c = row.createCell(1);
        c.setCellFormula(formula);
        c.setCellStyle(styles.total);
    }

    private static void labelCell(Row row, String label, Styles styles) {
        Cell c = row.createCell(0);
        c.setCellValue(label);
        c.setCellStyle(styles.label);
    }

    private static void setText(Row row, int column, String value, CellStyle style) {
        Cell c = row.createCell(column);
        c.setCellStyle(style);
        if (value != null) {
            c.setCellValue(value);
        }
    }

    private static void setAmount(Row row, int column, Yuan value, Styles styles) {
        Cell c = row.createCell(column);
        c.setCellStyle(styles.amount);
        if (value != null) {
            // a double holds every amount below 2^53 fen exactly enough to give back the same two decimals
            c.setCellValue(value.amount().doubleValue());
        }
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle label;
        final CellStyle text;
        final CellStyle code;
        final CellStyle amount;
        final CellStyle integer;
        final CellStyle total;
        final CellStyle plain;

        Styles(XSSFWorkbook wb) {
            Font bold = wb.createFont();
            bold.setBold(true);
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 13);
            short textFormat = wb.createDataFormat().getFormat("@");
            title = wb.createCellStyle();
            title.setFont(big);
            plain = wb.createCellStyle();
            header = bordered(wb);
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            label = bordered(wb);
            text = bordered(wb);
            text.setDataFormat(textFormat);
            text.setWrapText(true);
            code = bordered(wb);
            code.setDataFormat(textFormat);
            amount = bordered(wb);
            amount.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
            integer = bordered(wb);
            integer.setDataFormat(wb.createDataFormat().getFormat("0"));
            total = bordered(wb);
            total.setFont(bold);
            total.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
        }

        private static CellStyle bordered(XSSFWorkbook wb) {
            CellStyle s = wb.createCellStyle();
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
            return s;
        }
    }

    // ---------------------------------------------------------------- read

    /** The body the workbook holds; every problem found is added to {@code problems} (then the body is unusable). */
    Read read(XSSFWorkbook wb, WorkbookProblems problems) {
        Cells cells = new Cells(wb.getCreationHelper().createFormulaEvaluator(), problems);
        Map<String, Origin> origins = new HashMap<>();
        Reader in = new Reader(wb, cells, problems, origins);

        String departmentCode = in.code(REVENUE, "单位编码", "departmentCode");
        Integer fiscalYear = in.integer(REVENUE, "预算年度", "fiscalYear");
        Revenue revenue = in.revenue(REVENUE, "", "revenue");

        List<ExpenditureLine> lines = new ArrayList<>();
        Sheet expenditure = in.sheet(EXPENDITURE);
        if (expenditure != null) {
            for (int r : in.lineRows(expenditure, 5)) {
                String path = "expenditureLines[" + lines.size() + "]";
                in.origin(path + ".functionCode", expenditure, r, 0);
                in.origin(path + ".functionName", expenditure, r, 1);
                in.origin(path + ".fundSource", expenditure, r, 2);
                in.origin(path + ".basic", expenditure, r, 3);
                in.origin(path + ".project", expenditure, r, 4);
                lines.add(new ExpenditureLine(cells.code(expenditure, r, 0), cells.text(expenditure, r, 1),
                        in.fundSource(expenditure, r, 2), cells.amount(expenditure, r, 3),
                        cells.amount(expenditure, r, 4)));
            }
        }

        List<EconomicClassAmount> economic = new ArrayList<>();
        Sheet basic = in.sheet(BASIC);
        if (basic != null) {
            for (int r : in.lineRows(basic, 3)) {
                String path = "basicExpenditureByEconomicClass[" + economic.size() + "]";
                in.origin(path + ".economicCode", basic, r, 0);
                in.origin(path + ".economicName", basic, r, 1);
                in.origin(path + ".amount", basic, r, 2);
                economic.add(new EconomicClassAmount(cells.code(basic, r, 0), cells.text(basic, r, 1),
                        cells.amount(basic, r, 2)));
            }
        }

        ThreePublicExpenses three = in.threePublic(THREE_PUBLIC, "", "threePublicExpenses");
        Yuan operating = in.amount(OPERATING, "机关运行经费", "operatingExpenses");
        String operatingUse = in.text(OPERATING, "主要用途", "operatingExpensesUse");

        GovernmentProcurement procurement = new GovernmentProcurement(
                in.amount(PROCUREMENT, "货物", "governmentProcurement.goods"),
                in.amount(PROCUREMENT, "工程", "governmentProcurement.works"),
                in.amount(PROCUREMENT, "服务", "governmentProcurement.services"),
                in.amount(PROCUREMENT, "其中一般公共预算：货物", "governmentProcurement.generalPublicBudgetGoods"),
                in.amount(PROCUREMENT, "其中一般公共预算：工程", "governmentProcurement.generalPublicBudgetWorks"),
                in.amount(PROCUREMENT, "其中一般公共预算：服务", "governmentProcurement.generalPublicBudgetServices"));

        List<Project> projects = in.projects();

        PriorYear prior = new PriorYear(
                in.integer(PRIOR, "上年年度", "priorYear.fiscalYear"),
                in.revenue(PRIOR, "上年收入：", "priorYear.revenue"),
                in.priorExpenditure(),
                in.amount(PRIOR, "上年支出合计", "priorYear.expenditureTotal"),
                in.amount(PRIOR, "上年基本支出", "priorYear.basicExpenditure"),
                in.amount(PRIOR, "上年项目支出", "priorYear.projectExpenditure"),
                in.amount(PRIOR, "上年一般公共预算财政拨款支出", "priorYear.generalPublicBudgetAppropriationExpenditure"),
                in.amount(PRIOR, "上年政府性基金预算支出", "priorYear.governmentFundExpenditure"),
                in.threePublic(PRIOR, "上年", "priorYear.threePublicExpenses"),
                in.amount(PRIOR, "上年机关运行经费", "priorYear.operatingExpenses"),
                in.priorOrigin());

        String basicUse = in.text(NOTES, "基本支出主要用途", "basicExpenditureUse");
        String projectUse = in.text(NOTES, "项目支出主要用途", "projectExpenditureUse");
        Yuan managed = in.amount(NOTES, "实行绩效目标管理的项目金额", "performanceManagedProjectAmount");
        Assets assets = new Assets(
                in.yearMonth(NOTES, "车辆截止年月", "assets.asOf"),
                in.integer(NOTES, "车辆总数", "assets.vehiclesTotal"),
                in.integer(NOTES, "其中一般公务用车", "assets.generalOfficialVehicles"),
                in.integer(NOTES, "其中执勤执法用车", "assets.lawEnforcementVehicles"),
                in.integer(NOTES, "计划购置车辆", "assets.plannedVehiclePurchases"),
                in.integer(NOTES, "计划购置一般公务用车", "assets.plannedGeneralOfficialVehiclePurchases"),
                in.integer(NOTES, "计划购置执勤执法用车", "assets.plannedLawEnforcementVehiclePurchases"));
        ChangeExplanations why = new ChangeExplanations(
                in.text(NOTES, "收入变动原因", "changeExplanations.revenue"),
                in.text(NOTES, "支出变动原因", "changeExplanations.expenditure"),
                in.text(NOTES, "基本支出变动原因", "changeExplanations.basicExpenditure"),
                in.text(NOTES, "项目支出变动原因", "changeExplanations.projectExpenditure"),
                in.text(NOTES, "机关运行经费变动原因", "changeExplanations.operatingExpenses"));

        BudgetContent submission = new BudgetContent(departmentCode, fiscalYear, revenue, lines, economic,
                basicUse, projects, projectUse, three, operating, operatingUse, procurement, managed, assets, prior,
                why);
        return new Read(submission, Map.copyOf(origins));
    }

    /** Lookups by label and line iteration over one workbook, recording where each field came from. */
    private static final class Reader {
        private final XSSFWorkbook wb;
        private final Cells cells;
        private final WorkbookProblems problems;
        private final Map<String, Origin> origins;
        private final Map<String, Map<String, Integer>> labels = new HashMap<>();

        Reader(XSSFWorkbook wb, Cells cells, WorkbookProblems problems, Map<String, Origin> origins) {
            this.wb = wb;
            this.cells = cells;
            this.problems = problems;
            this.origins = origins;
        }

        Sheet sheet(String name) {
            Sheet sheet = wb.getSheet(name);
            if (sheet == null) {
                problems.add(name, "", "缺少工作表“" + name + "”（请使用本系统下载的模板，勿改工作表名称）");
            }
            return sheet;
        }

        void origin(String path, Sheet sheet, int row, int column) {
            origins.put(path, new Origin(sheet.getSheetName(), Cells.address(row, column)));
        }

        /** The row of {@code label} in column A; reports a missing label once per sheet and label. */
        private Integer row(String sheetName, String label) {
            Map<String, Integer> index = labels.computeIfAbsent(sheetName, name -> {
                Sheet sheet = wb.getSheet(name);
                if (sheet == null) {
                    problems.add(name, "", "缺少工作表“" + name + "”（请使用本系统下载的模板，勿改工作表名称）");
                    return null;
                }
                Map<String, Integer> found = new LinkedHashMap<>();
                int last = Math.min(sheet.getLastRowNum(), 500);
                for (int r = 0; r <= last; r++) {
                    Cell c = cells.cell(sheet, r, 0);
                    if (c != null && c.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
                        found.putIfAbsent(c.getStringCellValue().strip(), r);
                    }
                }
                return found;
            });
            if (index == null) {
                return null;
            }
            Integer r = index.get(label);
            if (r == null) {
                problems.add(sheetName, "A", "缺少“" + label + "”一行（A列的项目名称不能修改或删除）");
            }
            return r;
        }

        String code(String sheet, String label, String path) {
            Integer r = row(sheet, label);
            if (r == null) {
                return null;
            }
            origin(path, wb.getSheet(sheet), r, 1);
            return cells.code(wb.getSheet(sheet), r, 1);
        }

        Integer integer(String sheet, String label, String path) {
            Integer r = row(sheet, label);
            if (r == null) {
                return null;
            }
            origin(path, wb.getSheet(sheet), r, 1);
            return cells.integer(wb.getSheet(sheet), r, 1);
        }

        Yuan amount(String sheet, String label, String path) {
            Integer r = row(sheet, label);
            if (r == null) {
                return null;
            }
            origin(path, wb.getSheet(sheet), r, 1);
            return cells.amount(wb.getSheet(sheet), r, 1);
        }

        String text(String sheet, String label, String path) {
            Integer r = row(sheet, label);
            if (r == null) {
                return null;
            }
            origin(path, wb.getSheet(sheet), r, 1);
            return cells.text(wb.getSheet(sheet), r, 1);
        }

        String yearMonth(String sheet, String label, String path) {
            Integer r = row(sheet, label);
            if (r == null) {
                return null;
            }
            origin(path, wb.getSheet(sheet), r, 1);
            return cells.yearMonth(wb.getSheet(sheet), r, 1);
        }

        /** The ten sources; null when every one of them is empty (an absent section). */
        Revenue revenue(String sheet, String prefix, String path) {
            List<Yuan> v = new ArrayList<>();
            for (int i = 0; i < REVENUE_LABELS.size(); i++) {
                v.add(amount(sheet, prefix + REVENUE_LABELS.get(i), path + "." + REVENUE_FIELDS.get(i)));
            }
            if (v.stream().allMatch(java.util.Objects::isNull)) {
                return null;
            }
            return new Revenue(v.get(0), v.get(1), v.get(2), v.get(3), v.get(4), v.get(5), v.get(6), v.get(7),
                    v.get(8), v.get(9));
        }

        ThreePublicExpenses threePublic(String sheet, String prefix, String path) {
            List<Yuan> v = new ArrayList<>();
            for (int i = 0; i < THREE_PUBLIC_LABELS.size(); i++) {
                v.add(amount(sheet, prefix + THREE_PUBLIC_LABELS.get(i), path + "." + THREE_PUBLIC_FIELDS.get(i)));
            }
            if (v.stream().allMatch(java.util.Objects::isNull)) {
                return null;
            }
            return new ThreePublicExpenses(v.get(0), v.get(1), v.get(2), v.get(3));
        }

        /**
         * The rows between the 上年支出 table's header and its 合计 row, blank rows skipped; null when there are none
         * (a prior year given in the older shape, by totals).
         */
        List<FundExpenditure> priorExpenditure() {
            Integer header = row(PRIOR, PRIOR_FUND_HEADER);
            Integer total = row(PRIOR, PRIOR_FUND_TOTAL);
            if (header == null || total == null) {
                return null;
            }
            Sheet sheet = wb.getSheet(PRIOR);
            if (total <= header) {
                problems.add(PRIOR, Cells.address(total, 0), "“" + PRIOR_FUND_TOTAL + "”一行须在“" + PRIOR_FUND_HEADER
                        + "”表头之下（A列的项目名称不能修改或移动）");
                return null;
            }
            origins.put("priorYear.expenditure", new Origin(PRIOR, Cells.address(header, 0)));
            List<FundExpenditure> funds = new ArrayList<>();
            for (int r = header + 1; r < total; r++) {
                if (blank(sheet, r, 3)) {
                    continue;
                }
                String path = "priorYear.expenditure[" + funds.size() + "]";
                origin(path + ".fundSource", sheet, r, 0);
                origin(path + ".basic", sheet, r, 1);
                origin(path + ".project", sheet, r, 2);
                funds.add(new FundExpenditure(fundSource(sheet, r, 0), cells.amount(sheet, r, 1),
                        cells.amount(sheet, r, 2)));
            }
            return funds.isEmpty() ? null : funds;
        }

        /**
         * Where the prior year came from: an approved budget's identity is read back as written (budget-service checks
         * it and refills the figures from that budget); anything a clerk typed is {@code ENTERED}.
         */
        PriorYearOrigin priorOrigin() {
            String source = text(PRIOR, PRIOR_ORIGIN, "priorYear.origin.source");
            if (source == null || source.isBlank() || source.strip().equals(ORIGIN_ENTERED)
                    || source.strip().equals(PriorYearOrigin.ENTERED)) {
                return new PriorYearOrigin(PriorYearOrigin.ENTERED, null, null);
            }
            if (!source.strip().equals(ORIGIN_APPROVED) && !source.strip().equals(PriorYearOrigin.APPROVED_BUDGET)) {
                Integer r = row(PRIOR, PRIOR_ORIGIN);
                problems.add(PRIOR, Cells.address(r, 1), "上年数来源须为“" + ORIGIN_ENTERED + "”或“" + ORIGIN_APPROVED
                        + "”");
                return null;
            }
            return new PriorYearOrigin(PriorYearOrigin.APPROVED_BUDGET,
                    text(PRIOR, PRIOR_ORIGIN_BUDGET, "priorYear.origin.budgetId"),
                    integer(PRIOR, PRIOR_ORIGIN_REVISION, "priorYear.origin.revision"));
        }

        FundSource fundSource(Sheet sheet, int r, int column) {
            String text = cells.text(sheet, r, column);
            if (text == null) {
                return null;
            }
            String t = text.strip();
            int i = FUND_LABELS.indexOf(t);
            if (i >= 0) {
                return FundSource.values()[i];
            }
            for (FundSource f : FundSource.values()) {
                if (f.name().equalsIgnoreCase(t)) {
                    return f;
                }
            }
            problems.add(sheet.getSheetName(), Cells.address(r, column),
                    "资金来源须为下拉列表中的一项（" + String.join("、", FUND_LABELS) + "）");
            return null;
        }

        /** The rows of lines below the header: blank rows and the 合计 row skipped, at most {@link #MAX_LINES}. */
        List<Integer> lineRows(Sheet sheet, int columns) {
            List<Integer> rows = new ArrayList<>();
            int last = sheet.getLastRowNum();
            for (int r = HEADER_ROW + 1; r <= last; r++) {
                if (isTotal(sheet, r) || blank(sheet, r, columns)) {
                    continue;
                }
                if (rows.size() == MAX_LINES) {
                    problems.add(sheet.getSheetName(), Cells.address(r, 0), "行数超过上限" + MAX_LINES + "行");
                    break;
                }
                rows.add(r);
            }
            return rows;
        }

        private boolean isTotal(Sheet sheet, int r) {
            Cell c = cells.cell(sheet, r, 0);
            if (c == null || c.getCellType() != org.apache.poi.ss.usermodel.CellType.STRING) {
                return false;
            }
            String t = c.getStringCellValue().replaceAll("\\s", "");
            return t.equals("合计") || t.equals("总计") || t.startsWith("（每个项目");
        }

        private boolean blank(Sheet sheet, int r, int columns) {
            for (int c = 0; c < columns; c++) {
                if (!cells.coveredByMerge(sheet, r, c) && !cells.isBlank(sheet, r, c)) {
                    return false;
                }
            }
            return true;
        }

        /**
         * One row per target; a row with a project name (not covered by the merge above it) starts a project, a row
         * without one adds a target to the project above.
         */
        List<Project> projects() {
            Sheet sheet = sheet(PROJECTS);
            List<Project> projects = new ArrayList<>();
            if (sheet == null) {
                return projects;
            }
            List<PerformanceTarget> targets = null;
            String name = null;
            String code = null;
            Yuan amount = null;
            for (int r : lineRows(sheet, 6)) {
                boolean starts = !cells.coveredByMerge(sheet, r, 0) && !cells.isBlank(sheet, r, 0);
                if (starts) {
                    if (targets != null) {
                        projects.add(new Project(name, code, amount, targets));
                    }
                    String path = "projects[" + projects.size() + "]";
                    origin(path + ".name", sheet, r, 0);
                    origin(path + ".functionCode", sheet, r, 1);
                    origin(path + ".amount", sheet, r, 2);
                    origin(path + ".performanceTargets", sheet, r, 3);
                    name = cells.text(sheet, r, 0);
                    code = cells.code(sheet, r, 1);
                    amount = cells.amount(sheet, r, 2);
                    targets = new ArrayList<>();
                } else if (targets == null) {
                    problems.add(sheet.getSheetName(), Cells.address(r, 0), "项目名称不能为空（第一个指标行须填写项目名称）");
                    continue;
                } else {
                    boolean repeats = cells.coveredByMerge(sheet, r, 1) || cells.isBlank(sheet, r, 1);
                    boolean amountRepeats = cells.coveredByMerge(sheet, r, 2) || cells.isBlank(sheet, r, 2);
                    if (!repeats || !amountRepeats) {
                        problems.add(sheet.getSheetName(), Cells.address(r, repeats ? 2 : 1),
                                "项目名称为空的行是上一项目的指标行，编码和金额须留空（或填写项目名称开始新项目）");
                    }
                }
                if (!cells.isBlank(sheet, r, 3) || !cells.isBlank(sheet, r, 4) || !cells.isBlank(sheet, r, 5)) {
                    String path = "projects[" + projects.size() + "].performanceTargets[" + targets.size() + "]";
                    origin(path + ".category", sheet, r, 3);
                    origin(path + ".indicator", sheet, r, 4);
                    origin(path + ".target", sheet, r, 5);
                    targets.add(new PerformanceTarget(cells.text(sheet, r, 3), cells.text(sheet, r, 4),
                            cells.text(sheet, r, 5)));
                }
            }
            if (targets != null) {
                projects.add(new Project(name, code, amount, targets));
            }
            return projects;
        }
    }
}

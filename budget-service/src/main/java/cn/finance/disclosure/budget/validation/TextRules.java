package cn.finance.disclosure.budget.validation;

import cn.finance.disclosure.model.ClerkText;

import cn.finance.disclosure.model.BudgetReading;

import cn.finance.disclosure.model.BudgetContent;
import cn.finance.disclosure.model.BudgetContent.ChangeExplanations;
import cn.finance.disclosure.model.BudgetContent.PerformanceTarget;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static cn.finance.disclosure.budget.validation.RuleIds.*;

/** V13: what the document needs is there; V14: no text still holds a placeholder. */
final class TextRules {

    /** XX/xx (half or full width), ××, 待填, 待补充, TODO, TBD. */
    private static final Pattern PLACEHOLDER_TEXT =
            Pattern.compile("[XxＸｘ]{2,}|×{2,}|待填|待补充|(?i:TODO|TBD)");

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("fiscalYear", "预算年度"),
            Map.entry("revenue", "收入预算"),
            Map.entry("expenditureLines", "支出明细"),
            Map.entry("basicExpenditureByEconomicClass", "基本支出经济分类"),
            Map.entry("projects", "项目"),
            Map.entry("threePublicExpenses", "“三公”经费"),
            Map.entry("operatingExpenses", "机关运行经费"),
            Map.entry("governmentProcurement", "政府采购"),
            Map.entry("performanceManagedProjectAmount", "实行绩效目标管理的项目金额"),
            Map.entry("assets", "国有资产占有使用情况"),
            Map.entry("priorYear", "上年比较数"),
            Map.entry("generalPublicBudgetAppropriation", "一般公共预算拨款"),
            Map.entry("governmentFundBudgetAppropriation", "政府性基金预算拨款"),
            Map.entry("stateCapitalOperatingBudgetAppropriation", "国有资本经营预算拨款"),
            Map.entry("fiscalSpecialAccountFunds", "财政专户管理资金"),
            Map.entry("businessRevenue", "事业收入"),
            Map.entry("publicInstitutionOperatingRevenue", "事业单位经营收入"),
            Map.entry("superiorSubsidyRevenue", "上级补助收入"),
            Map.entry("subordinateUnitRemittance", "附属单位上缴收入"),
            Map.entry("otherRevenue", "其他收入"),
            Map.entry("priorYearCarryover", "上年结转"),
            Map.entry("functionCode", "功能分类编码"),
            Map.entry("fundSource", "资金来源"),
            Map.entry("basic", "基本支出"),
            Map.entry("project", "项目支出"),
            Map.entry("economicCode", "经济分类编码"),
            Map.entry("amount", "金额"),
            Map.entry("name", "名称"),
            Map.entry("outboundTravel", "因公出国（境）费"),
            Map.entry("officialReception", "公务接待费"),
            Map.entry("vehiclePurchase", "公务用车购置费"),
            Map.entry("vehicleOperationAndMaintenance", "公务用车运行维护费"),
            Map.entry("goods", "货物"),
            Map.entry("works", "工程"),
            Map.entry("services", "服务"),
            Map.entry("generalPublicBudgetGoods", "其中一般公共预算货物"),
            Map.entry("generalPublicBudgetWorks", "其中一般公共预算工程"),
            Map.entry("generalPublicBudgetServices", "其中一般公共预算服务"),
            Map.entry("asOf", "截止年月"),
            Map.entry("vehiclesTotal", "车辆总数"),
            Map.entry("generalOfficialVehicles", "一般公务用车"),
            Map.entry("lawEnforcementVehicles", "执勤执法用车"),
            Map.entry("plannedVehiclePurchases", "拟购置车辆总数"),
            Map.entry("plannedGeneralOfficialVehiclePurchases", "拟购置一般公务用车"),
            Map.entry("plannedLawEnforcementVehiclePurchases", "拟购置执勤执法用车"),
            Map.entry("expenditureTotal", "支出合计"),
            Map.entry("basicExpenditure", "基本支出"),
            Map.entry("projectExpenditure", "项目支出"),
            Map.entry("generalPublicBudgetAppropriationExpenditure", "一般公共预算拨款支出"),
            Map.entry("governmentFundExpenditure", "政府性基金预算拨款支出"),
            Map.entry("changeExplanations", "变动原因"),
            Map.entry("expenditure", "支出预算"),
            Map.entry("basicExpenditureUse", "基本支出主要用途"),
            Map.entry("projectExpenditureUse", "项目支出主要用途"),
            Map.entry("operatingExpensesUse", "机关运行经费主要用途"),
            Map.entry("functionName", "功能分类名称"),
            Map.entry("economicName", "经济分类名称"),
            Map.entry("performanceTargets", "绩效目标"),
            Map.entry("category", "指标类别"),
            Map.entry("indicator", "指标"),
            Map.entry("target", "指标值"));

    private TextRules() {
    }

    /** V13-REQUIRED-MISSING, first, so a gap is the first thing the clerk sees. */
    static void required(BudgetReading facts, Findings findings) {
        for (String path : facts.missing()) {
            String what = path.equals("expenditureLines") ? "支出明细（至少一行）" : label(path);
            findings.error(REQUIRED_MISSING, path, "未填写：" + what + "。请补充后再校验。", Figures.of().text("field", path));
        }
    }

    /** "priorYear.revenue.otherRevenue" → "上年比较数 › 收入预算 › 其他收入"; "projects[0].name" → "项目 › 第1行 › 名称". */
    static String label(String path) {
        StringBuilder out = new StringBuilder();
        for (String segment : path.split("\\.")) {
            String name = segment;
            String row = null;
            int bracket = segment.indexOf('[');
            if (bracket > 0) {
                name = segment.substring(0, bracket);
                row = "第" + (Integer.parseInt(segment.substring(bracket + 1, segment.length() - 1)) + 1) + "行";
            }
            if (!out.isEmpty()) {
                out.append(" › ");
            }
            out.append(LABELS.getOrDefault(name, name));
            if (row != null) {
                out.append(" › ").append(row);
            }
        }
        return out.toString();
    }

    /** V13 use texts and V14 placeholders. */
    static void texts(BudgetReading facts, Findings findings) {
        useTexts(facts, findings);
        placeholders(facts, findings);
    }

    private static void useTexts(BudgetReading facts, Findings findings) {
        BudgetContent s = facts.submission;
        if (facts.complete("expenditureLines") && facts.basicTotal().signum() > 0 && blank(s.basicExpenditureUse())) {
            findings.error(BASIC_USE_MISSING, "basicExpenditureUse", "基本支出" + Wan.of(facts.basicTotal())
                    + "，但没有填写基本支出的主要用途，公开文本需要这段说明。请补充。", Figures.of().yuan("basic", facts.basicTotal()));
        }
        if (facts.complete("expenditureLines") && facts.projectTotal().signum() > 0 && blank(s.projectExpenditureUse())) {
            findings.error(PROJECT_USE_MISSING, "projectExpenditureUse", "项目支出" + Wan.of(facts.projectTotal())
                            + "，但没有填写项目支出的主要用途，公开文本需要这段说明。请补充。",
                    Figures.of().yuan("project", facts.projectTotal()));
        }
        if (facts.complete("operatingExpenses") && facts.operatingExpenses.signum() > 0
                && blank(s.operatingExpensesUse())) {
            findings.error(OPERATING_USE_MISSING, "operatingExpensesUse", "机关运行经费" + Wan.of(facts.operatingExpenses)
                            + "，但没有填写其主要用途，公开文本需要这段说明。请补充。",
                    Figures.of().yuan("operatingExpenses", facts.operatingExpenses));
        }
    }

    private static void placeholders(BudgetReading facts, Findings findings) {
        BudgetContent s = facts.submission;
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("basicExpenditureUse", s.basicExpenditureUse());
        texts.put("projectExpenditureUse", s.projectExpenditureUse());
        texts.put("operatingExpensesUse", s.operatingExpensesUse());
        ChangeExplanations e = facts.explanations;
        texts.put("changeExplanations.revenue", e.revenue());
        texts.put("changeExplanations.expenditure", e.expenditure());
        texts.put("changeExplanations.basicExpenditure", e.basicExpenditure());
        texts.put("changeExplanations.projectExpenditure", e.projectExpenditure());
        texts.put("changeExplanations.operatingExpenses", e.operatingExpenses());
        facts.lines.forEach(l -> texts.put(l.path("functionName"), l.name()));
        facts.economic.forEach(x -> texts.put(x.path("economicName"), x.name()));
        for (BudgetReading.ProjectFacts p : facts.projects) {
            texts.put(p.path("name"), p.name());
            for (int j = 0; j < p.targets().size(); j++) {
                PerformanceTarget t = p.targets().get(j);
                if (t == null) {
                    continue;
                }
                String at = p.path("performanceTargets[" + j + "]");
                texts.put(at + ".category", t.category());
                texts.put(at + ".indicator", t.indicator());
                texts.put(at + ".target", t.target());
            }
        }
        texts.forEach((path, text) -> {
            if (text == null) {
                return;
            }
            Matcher m = PLACEHOLDER_TEXT.matcher(text);
            if (m.find()) {
                findings.error(PLACEHOLDER, path, label(path) + "中含有占位内容“" + m.group() + "”，请替换为实际内容。",
                        Figures.of().text("placeholder", m.group()).text("text", text));
            }
        });
    }

    private static boolean blank(String text) {
        return ClerkText.isEmpty(text);
    }
}

package cn.finance.disclosure.budget.validation;

import cn.finance.disclosure.model.BudgetReading;

import cn.finance.disclosure.budget.catalog.ClassificationCatalog;
import cn.finance.disclosure.budget.catalog.CodeKind;
import cn.finance.disclosure.budget.catalog.CodeTable;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static cn.finance.disclosure.budget.validation.RuleIds.*;

/**
 * V03: codes exist in the year's catalog, with their parents; names agree with it. The 类 and 款 levels are checked
 * strictly. A finest-level code (项, economic 款) missing from a bundled reference list (partial by design) is a
 * WARNING saying the bureau has not loaded the official list for the year; against an official list it is an ERROR.
 */
final class CodeRules {

    private CodeRules() {
    }

    static void check(BudgetReading facts, ClassificationCatalog catalog, Findings findings) {
        functionCodes(facts, catalog, findings);
        economicCodes(facts, catalog, findings);
    }

    private static void functionCodes(BudgetReading facts, ClassificationCatalog catalog, Findings findings) {
        CodeTable table = catalog.functionCodes();
        int year = catalog.fiscalYear();
        for (BudgetReading.Line line : facts.lines) {
            String code = line.code();
            if (code == null) {
                continue; // reported as missing
            }
            String path = line.path("functionCode");
            String row = "支出明细第" + (line.index() + 1) + "行";
            if (!CodeKind.FUNCTION.isWellFormed(code) || code.length() != 7) {
                String why = CodeKind.FUNCTION.isWellFormed(code)
                        ? "“" + code + "”是" + CodeKind.levelName(code) + "级科目，支出须细化到项（7位编码），请选择其下的具体科目"
                        : "功能分类编码“" + code + "”格式不正确，应为7位数字的项级科目（如 2012901）";
                findings.error(FUNCTION_CODE_FORMAT, path, row + "：" + why + "。",
                        Figures.of().text("functionCode", code));
                continue;
            }
            if (!table.contains(code)) {
                if (table.official() || !table.missingAncestors(code).isEmpty()) {
                    // Against the official list, or with a 类/款 that does not exist, the code cannot be right.
                    findings.error(FUNCTION_CODE_UNKNOWN, path, row + "：支出功能分类编码“" + code + "”不在" + year
                                    + "年政府收支分类科目中" + (table.official() ? "" : "（其上级科目"
                                    + quoted(table.missingAncestors(code)) + "也不存在）") + "，请核对编码。",
                            Figures.of().text("functionCode", code).text("fiscalYear", year)
                                    .text("list", table.official() ? "OFFICIAL" : "REFERENCE"));
                } else {
                    findings.warning(FUNCTION_CODE_NOT_IN_REFERENCE, path, row + "：支出功能分类编码“" + code
                                    + "”不在系统自带的" + year + "年参考科目表中。参考科目表只列常用科目，并不完整；财政局尚未加载"
                                    + year + "年正式科目表。其类、款（" + code.substring(0, 3) + "、" + code.substring(0, 5)
                                    + "）存在，请核对编码，确认无误后说明即可提交。",
                            Figures.of().text("functionCode", code).text("fiscalYear", year).text("list", "REFERENCE"));
                }
                continue;
            }
            List<String> missingParents = table.missingAncestors(code);
            if (!missingParents.isEmpty()) {
                findings.error(FUNCTION_CODE_PARENT_UNKNOWN, path, row + "：科目“" + code + " "
                                + table.name(code).orElseThrow() + "”的上级科目" + quoted(missingParents) + "不在" + year
                                + "年科目表中，无法汇总到款、类。请核对编码，或请财政局补充科目表。",
                        Figures.of().text("functionCode", code).text("missingParents", String.join(",", missingParents)));
            }
            nameCheck(FUNCTION_NAME_MISMATCH, line.path("functionName"), row, code, line.name(),
                    table.name(code).orElseThrow(), findings);
        }
    }

    private static void economicCodes(BudgetReading facts, ClassificationCatalog catalog, Findings findings) {
        CodeTable table = catalog.economicCodes();
        int year = catalog.fiscalYear();
        Map<String, Integer> firstRow = new HashMap<>();
        for (BudgetReading.Economic entry : facts.economic) {
            String code = entry.code();
            if (code == null) {
                continue;
            }
            String path = entry.path("economicCode");
            String row = "基本支出经济分类第" + (entry.index() + 1) + "行";
            if (!CodeKind.ECONOMIC.isWellFormed(code)) {
                findings.error(ECONOMIC_CODE_FORMAT, path, row + "：经济分类编码“" + code + "”格式不正确，应为"
                        + CodeKind.ECONOMIC.formatDescription() + "（如 302 或 30201）。", Figures.of().text("economicCode", code));
                continue;
            }
            Integer earlier = firstRow.putIfAbsent(code, entry.index() + 1);
            if (earlier != null) {
                findings.error(ECONOMIC_CODE_DUPLICATE, path, row + "：经济分类“" + code + "”与第" + earlier
                                + "行重复，每个科目只能填一行，请合并。",
                        Figures.of().text("economicCode", code));
            }
            if (!table.contains(code)) {
                if (table.official() || code.length() == 3 || !table.missingAncestors(code).isEmpty()) {
                    findings.error(ECONOMIC_CODE_UNKNOWN, path, row + "：经济分类编码“" + code + "”不在" + year
                                    + "年部门预算支出经济分类科目中，请核对编码。",
                            Figures.of().text("economicCode", code).text("fiscalYear", year)
                                    .text("list", table.official() ? "OFFICIAL" : "REFERENCE"));
                } else {
                    findings.warning(ECONOMIC_CODE_NOT_IN_REFERENCE, path, row + "：经济分类编码“" + code
                                    + "”不在系统自带的" + year + "年参考科目表中。参考科目表只列常用科目，并不完整；财政局尚未加载"
                                    + year + "年正式科目表。其类（" + code.substring(0, 3) + "）存在，请核对编码，确认无误后说明即可提交。",
                            Figures.of().text("economicCode", code).text("fiscalYear", year).text("list", "REFERENCE"));
                }
                continue;
            }
            List<String> missingParents = table.missingAncestors(code);
            if (!missingParents.isEmpty()) {
                findings.error(ECONOMIC_CODE_PARENT_UNKNOWN, path, row + "：科目“" + code + " "
                                + table.name(code).orElseThrow() + "”的上级科目" + quoted(missingParents) + "不在" + year
                                + "年科目表中。请核对编码，或请财政局补充科目表。",
                        Figures.of().text("economicCode", code).text("missingParents", String.join(",", missingParents)));
            }
            nameCheck(ECONOMIC_NAME_MISMATCH, entry.path("economicName"), row, code, entry.name(),
                    table.name(code).orElseThrow(), findings);
        }
    }

    /** A blank name is not checked: documents and tables take the catalog's name. */
    private static void nameCheck(String ruleId, String path, String row, String code, String given,
                                  String catalogName, Findings findings) {
        if (given == null || given.isBlank() || normalized(given).equals(normalized(catalogName))) {
            return;
        }
        findings.warning(ruleId, path, row + "：编码“" + code + "”在科目表中的名称是“" + catalogName + "”，填写的是“"
                        + given.strip() + "”。请核对编码是否选对，或改用科目表名称。",
                Figures.of().text("code", code).text("name", given.strip()).text("catalogName", catalogName));
    }

    /** Names compare without whitespace and with full-width and half-width parentheses alike. */
    static String normalized(String name) {
        return name.replaceAll("\\s+", "").replace('（', '(').replace('）', ')');
    }

    private static String quoted(List<String> codes) {
        return "“" + String.join("”“", codes) + "”";
    }

    static Optional<String> className(ClassificationCatalog catalog, String classCode) {
        return catalog.name(CodeKind.FUNCTION, classCode);
    }
}

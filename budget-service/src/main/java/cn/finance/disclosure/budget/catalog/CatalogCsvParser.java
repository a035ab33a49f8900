package cn.finance.disclosure.budget.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a code list as CSV text, {@code code,name} a line, UTF-8, the header optional: the official list a
 * bureau-admin uploads, and the lists this module ships.
 *
 * <p>Refused (every problem reported, with its line): a code that is not digits of this kind's lengths (function
 * 3/5/7, economic 3/5); an empty name; a code listed twice; a line with more than two non-empty columns; a file
 * without codes. Accepted with a note: a code whose parent level (款 of a 项, 类 of a 款) is not in the file. Such a
 * list is usable, but a budget line using that code will fail the validator's parent check (V03-*-PARENT-UNKNOWN),
 * so the admin learns it at upload time rather than from a clerk; refusing the file would stop a bureau that only
 * wants to add a few item-level codes to the bundled list.
 */
public final class CatalogCsvParser {

    private CatalogCsvParser() {
    }

    /** One code list of {@code kind}. */
    public static CatalogParseResult<CodeTable> parse(CodeKind kind, String csvText) {
        List<CatalogProblem> problems = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        String[] lines = stripBom(csvText == null ? "" : csvText).split("\r\n|\n|\r", -1);
        boolean firstContentLine = true;
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            if (lines[i].isBlank()) {
                continue;
            }
            List<String> fields;
            try {
                fields = splitCsvLine(lines[i]);
            } catch (IllegalArgumentException unbalancedQuote) {
                problems.add(problem(kind, lineNo, "", "引号不成对，无法读取这一行"));
                firstContentLine = false;
                continue;
            }
            String code = fields.get(0).strip();
            if (firstContentLine && isHeader(code)) {
                firstContentLine = false;
                continue;
            }
            firstContentLine = false;
            String name = fields.size() > 1 ? fields.get(1).strip() : "";
            if (fields.stream().skip(2).anyMatch(extra -> !extra.isBlank())) {
                problems.add(problem(kind, lineNo, code, "列数不正确，每行应只有“编码,名称”两列"));
                continue;
            }
            boolean ok = true;
            if (!kind.isWellFormed(code)) {
                problems.add(problem(kind, lineNo, code,
                        "编码“" + code + "”格式不正确，" + kind.label() + "编码应为" + kind.formatDescription()));
                ok = false;
            }
            if (name.isEmpty()) {
                problems.add(problem(kind, lineNo, code, "编码“" + code + "”的名称为空"));
                ok = false;
            }
            if (ok && lineOf.containsKey(code)) {
                problems.add(problem(kind, lineNo, code,
                        "编码“" + code + "”重复，第" + lineOf.get(code) + "行已列出"));
                ok = false;
            }
            if (ok) {
                names.put(code, name);
                lineOf.put(code, lineNo);
            }
        }
        if (names.isEmpty() && problems.isEmpty()) {
            problems.add(new CatalogProblem(kind, 0, "", "文件中没有任何科目（每行应为“编码,名称”）"));
        }
        if (!problems.isEmpty()) {
            return new CatalogParseResult.Rejected<>(problems);
        }
        List<CatalogProblem> notes = new ArrayList<>();
        names.keySet().forEach(code -> kind.parentOf(code)
                .filter(parent -> !names.containsKey(parent))
                .ifPresent(parent -> notes.add(problem(kind, lineOf.get(code), code,
                        "编码“" + code + "”的上级科目“" + parent + "”不在清单中；已接受，但使用该编码的预算将无法通过校验"))));
        return new CatalogParseResult.Accepted<>(CodeTable.of(kind, names), notes);
    }

    /** A whole year's catalog from its two lists; problems of both files are reported together. */
    public static CatalogParseResult<ClassificationCatalog> parseCatalog(int fiscalYear, String functionCsv,
                                                                        String economicCsv) {
        CatalogParseResult<CodeTable> function = parse(CodeKind.FUNCTION, functionCsv);
        CatalogParseResult<CodeTable> economic = parse(CodeKind.ECONOMIC, economicCsv);
        List<CatalogProblem> all = new ArrayList<>(function.problems());
        all.addAll(economic.problems());
        if (function.accepted() && economic.accepted()) {
            return new CatalogParseResult.Accepted<>(
                    ClassificationCatalog.of(fiscalYear, function.orElseThrow(), economic.orElseThrow()), all);
        }
        List<CatalogProblem> blocking = new ArrayList<>();
        if (!function.accepted()) {
            blocking.addAll(function.problems());
        }
        if (!economic.accepted()) {
            blocking.addAll(economic.problems());
        }
        return new CatalogParseResult.Rejected<>(blocking);
    }

    private static CatalogProblem problem(CodeKind kind, int line, String code, String message) {
        return new CatalogProblem(kind, line, code, "第" + line + "行：" + message);
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** A header is a first line whose first column holds no digit ("code", "科目编码", "编码"). */
    private static boolean isHeader(String firstField) {
        return firstField.chars().noneMatch(Character::isDigit);
    }

    /** RFC 4180 fields of one line: commas separate, double quotes enclose, "" is a quote. */
    static List<String> splitCsvLine(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unbalanced quote");
        }
        fields.add(field.toString());
        return fields;
    }
}

package cn.finance.disclosure.budget.workbook;

import cn.finance.disclosure.events.Yuan;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.ss.util.CellRangeAddress;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads typed values out of cells the way a clerk means them, and reports what cannot be read at its sheet and cell.
 * Amounts: numbers, or text that looks like one ("1,234.50", full-width digits, spaces around); formulas are evaluated,
 * and one that cannot be is refused with the reason. Texts: kept exactly, but never a formula and never text that a
 * spreadsheet would run as one. Merged cells read as their top-left cell. Knows nothing about budgets.
 */
final class Cells {

    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private final FormulaEvaluator evaluator;
    private final WorkbookProblems problems;

    Cells(FormulaEvaluator evaluator, WorkbookProblems problems) {
        this.evaluator = evaluator;
        this.problems = problems;
    }

    static String address(int row, int column) {
        return new CellAddress(row, column).formatAsString();
    }

    /** POI rebuilds the list of merged regions on every call: read it once per sheet. */
    private final Map<String, List<CellRangeAddress>> merged = new java.util.HashMap<>();

    private List<CellRangeAddress> merged(Sheet sheet) {
        return merged.computeIfAbsent(sheet.getSheetName(), name -> sheet.getMergedRegions());
    }

    /** The cell, or the top-left cell of the merged region it lies in; null when absent. */
    Cell cell(Sheet sheet, int row, int column) {
        for (CellRangeAddress merged : merged(sheet)) {
            if (merged.isInRange(row, column)) {
                row = merged.getFirstRow();
                column = merged.getFirstColumn();
                break;
            }
        }
        Row r = sheet.getRow(row);
        return r == null ? null : r.getCell(column);
    }

    /** Inside a merged region but not its top-left cell: the clerk wrote nothing here. */
    boolean coveredByMerge(Sheet sheet, int row, int column) {
        for (CellRangeAddress merged : merged(sheet)) {
            if (merged.isInRange(row, column)) {
                return merged.getFirstRow() != row || merged.getFirstColumn() != column;
            }
        }
        return false;
    }

    boolean isBlank(Sheet sheet, int row, int column) {
        Cell c = cell(sheet, row, column);
        if (c == null) {
            return true;
        }
        return switch (c.getCellType()) {
            case BLANK -> true;
            case STRING -> c.getStringCellValue().strip().isEmpty();
            default -> false;
        };
    }

    /** Exact yuan; null for an empty cell. */
    Yuan amount(Sheet sheet, int row, int column) {
        String where = address(row, column);
        Object value = value(sheet, row, column, true);
        if (value == null) {
            return null;
        }
        BigDecimal number;
        if (value instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                problems.add(sheet.getSheetName(), where, "金额须为数字，最多两位小数");
                return null;
            }
            number = BigDecimal.valueOf(d);
            BigDecimal cents = number.setScale(2, RoundingMode.HALF_UP);
            // a formula's binary floating point (0.1 + 0.2) is the cent it shows; a typed 12.345 is not
            if (number.subtract(cents).abs().compareTo(new BigDecimal("0.000001")) > 0) {
                problems.add(sheet.getSheetName(), where, "金额须为数字，最多两位小数");
                return null;
            }
            number = cents;
        } else {
            String text = normalizeNumber((String) value);
            if (!DECIMAL.matcher(text).matches()) {
                problems.add(sheet.getSheetName(), where, "金额须为数字，最多两位小数");
                return null;
            }
            number = new BigDecimal(text);
            if (number.stripTrailingZeros().scale() > 2) {
                problems.add(sheet.getSheetName(), where, "金额须为数字，最多两位小数");
                return null;
            }
        }
        if (number.signum() < 0) {
            problems.add(sheet.getSheetName(), where, "金额不能为负数");
            return null;
        }
        try {
            return Yuan.parse(number.setScale(2, RoundingMode.UNNECESSARY).toPlainString());
        } catch (IllegalArgumentException e) {
            problems.add(sheet.getSheetName(), where, "金额过大（须小于10万亿元）");
            return null;
        }
    }

    /** A whole number (a year, a vehicle count); null for an empty cell. */
    Integer integer(Sheet sheet, int row, int column) {
        Object value = value(sheet, row, column, true);
        if (value == null) {
            return null;
        }
        String text = value instanceof Double d ? BigDecimal.valueOf(d).stripTrailingZeros().toPlainString()
                : normalizeNumber((String) value);
        if (!DIGITS.matcher(text).matches() || text.length() > 9) {
            problems.add(sheet.getSheetName(), address(row, column), "须为不小于0的整数");
            return null;
        }
        return Integer.parseInt(text);
    }

    /** A classification or department code: digits, whether typed as number or text; null for an empty cell. */
    String code(Sheet sheet, int row, int column) {
        Object value = value(sheet, row, column, false);
        if (value == null) {
            return null;
        }
        String text = value instanceof Double d ? BigDecimal.valueOf(d).stripTrailingZeros().toPlainString()
                : normalizeNumber((String) value);
        if (!DIGITS.matcher(text).matches() || text.length() > 12) {
            problems.add(sheet.getSheetName(), address(row, column), "编码须为数字（如 2012901）");
            return null;
        }
        return text;
    }

    /** A year-month written as text (2023-12) or entered as a date; null for an empty cell. */
    String yearMonth(Sheet sheet, int row, int column) {
        Cell c = cell(sheet, row, column);
        if (c != null && c.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(c)) {
            LocalDateTime date = c.getLocalDateTimeCellValue();
            return String.format("%04d-%02d", date.getYear(), date.getMonthValue());
        }
        String text = text(sheet, row, column);
        return text == null ? null : text.strip();
    }

    /** Words, kept exactly; null for an empty cell. A formula or formula-like text is refused. */
    String text(Sheet sheet, int row, int column) {
        Cell c = cell(sheet, row, column);
        String where = address(row, column);
        if (c == null) {
            return null;
        }
        switch (c.getCellType()) {
            case BLANK:
                return null;
            case FORMULA:
                problems.add(sheet.getSheetName(), where, "文字内容不能是公式，请直接填写文字");
                return null;
            case NUMERIC:
                if (DateUtil.isCellDateFormatted(c)) {
                    return c.getLocalDateTimeCellValue().toLocalDate().toString();
                }
                return BigDecimal.valueOf(c.getNumericCellValue()).stripTrailingZeros().toPlainString();
            case BOOLEAN:
                return c.getBooleanCellValue() ? "是" : "否";
            case ERROR:
                problems.add(sheet.getSheetName(), where, "单元格为错误值，请改正");
                return null;
            default:
                String text = c.getStringCellValue();
                if (text.strip().isEmpty()) {
                    return null;
                }
                if (looksLikeFormula(text)) {
                    problems.add(sheet.getSheetName(), where,
                            "文字不能以 = + - @ 开头（电子表格会把它当作公式执行），请删去开头的符号或在前面加文字");
                    return null;
                }
                return text;
        }
    }

    /** = and @ always; + and - only when what follows is not a number ("-5%" stays text, "+cmd|..." does not). */
    static boolean looksLikeFormula(String text) {
        String t = text.stripLeading();
        if (t.isEmpty()) {
            return false;
        }
        char first = t.charAt(0);
        if (first == '=' || first == '@' || first == '＝' || first == '\t' || first == '\r') {
            return true;
        }
        if ((first == '+' || first == '-') && t.length() > 1) {
            char next = t.charAt(1);
            return !(Character.isDigit(next) || next == '.' || Character.isWhitespace(next));
        }
        return false;
    }

    /**
     * The cell's value as Double or String (null when empty); a formula is evaluated here, and one that cannot be
     * evaluated (unsupported function, reference to another file, error result) is reported with the reason.
     */
    private Object value(Sheet sheet, int row, int column, boolean formulasAllowed) {
        Cell c = cell(sheet, row, column);
        String where = address(row, column);
        if (c == null) {
            return null;
        }
        switch (c.getCellType()) {
            case BLANK:
                return null;
            case NUMERIC:
                return c.getNumericCellValue();
            case STRING:
                String s = c.getStringCellValue();
                return s.strip().isEmpty() ? null : s;
            case BOOLEAN:
                problems.add(sheet.getSheetName(), where, "须填写数字，不能是逻辑值");
                return null;
            case ERROR:
                problems.add(sheet.getSheetName(), where, "单元格为错误值，请改正");
                return null;
            case FORMULA:
                if (!formulasAllowed) {
                    problems.add(sheet.getSheetName(), where, "编码不能是公式，请直接填写");
                    return null;
                }
                return evaluate(sheet, c, where);
            default:
                problems.add(sheet.getSheetName(), where, "无法识别的单元格内容");
                return null;
        }
    }

    private Object evaluate(Sheet sheet, Cell c, String where) {
        CellValue v;
        try {
            v = evaluator.evaluate(c);
        } catch (RuntimeException e) {
            problems.add(sheet.getSheetName(), where, "公式无法计算（" + formulaReason(e) + "）：请改为直接填写数值");
            return null;
        }
        if (v == null) {
            return null;
        }
        return switch (v.getCellType()) {
            case NUMERIC -> v.getNumberValue();
            case STRING -> v.getStringValue().strip().isEmpty() ? null : v.getStringValue();
            case BLANK -> null;
            default -> {
                problems.add(sheet.getSheetName(), where, "公式的结果不是数字（如 #DIV/0!、#REF!）：请改正公式或直接填写数值");
                yield null;
            }
        };
    }

    private static String formulaReason(RuntimeException e) {
        String name = e.getClass().getSimpleName();
        if (name.contains("NotImplemented")) {
            return "含有不支持的函数";
        }
        if (e.getMessage() != null && e.getMessage().toLowerCase().contains("external")) {
            return "引用了其他文件";
        }
        return "公式有误或引用了其他文件";
    }

    private static final Pattern GROUPED = Pattern.compile("-?[0-9]{1,3}(,[0-9]{3})+(\\.[0-9]+)?");

    /**
     * Text that looks like a number as a clerk typed it: full-width digits, spaces, thousands separators (only where
     * they group thousands: "1,5" stays unreadable rather than becoming 15).
     */
    static String normalizeNumber(String text) {
        String compact = compact(text);
        if (compact.indexOf(',') >= 0) {
            return GROUPED.matcher(compact).matches() ? compact.replace(",", "") : compact;
        }
        return compact;
    }

    private static String compact(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch >= '０' && ch <= '９') {
                out.append((char) ('0' + (ch - '０')));
            } else if (ch == '．') {
                out.append('.');
            } else if (ch == '－') {
                out.append('-');
            } else if (ch == '，') {
                out.append(',');
            } else if (Character.isWhitespace(ch) || ch == '\u00A0' || ch == '\u3000') {
                // spaces carry nothing
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }
}

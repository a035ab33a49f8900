package cn.finance.disclosure.console.review;

import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Expenditure by function class (类, the first three digits of the line's code), this year against last year's
 * approved budget, in exact yuan, plus the bars of a chart. Only for the reviewer's comparison view: the published
 * figures are computed by the services' figures model, never here.
 */
final class YearOverYear {

    record Row(String code, String name, BigDecimal thisYear, BigDecimal lastYear, BigDecimal change,
               String changePercent, int thisBar, int lastBar, int y) {
        public String getCode() { return code; }
        public String getName() { return name; }
        public String getThisYear() { return thisYear.toPlainString(); }
        public String getLastYear() { return lastYear == null ? "—" : lastYear.toPlainString(); }
        public String getChange() { return change == null ? "—" : change.toPlainString(); }
        public String getChangePercent() { return changePercent; }
        public int getThisBar() { return thisBar; }
        public int getLastBar() { return lastBar; }
        public int getY() { return y; }
        public int getLabelY() { return y + 14; }
        public int getLastY() { return y + 18; }
    }

    static final int BAR_WIDTH = 480;
    static final int ROW_HEIGHT = 44;

    private YearOverYear() {
    }

    static Map<String, BigDecimal> byClass(JsonNode submission) {
        Map<String, BigDecimal> totals = new TreeMap<>();
        if (submission == null) {
            return totals;
        }
        for (JsonNode line : submission.path("expenditureLines")) {
            String code = line.path("functionCode").asString("");
            if (code.length() < 3) {
                continue;
            }
            BigDecimal amount = amount(line.path("basic")).add(amount(line.path("project")));
            totals.merge(code.substring(0, 3), amount, BigDecimal::add);
        }
        return totals;
    }

    static List<Row> rows(Map<String, BigDecimal> thisYear, Map<String, BigDecimal> lastYear,
                          Map<String, String> names) {
        TreeMap<String, Boolean> codes = new TreeMap<>();
        thisYear.keySet().forEach(c -> codes.put(c, true));
        if (lastYear != null) {
            lastYear.keySet().forEach(c -> codes.put(c, true));
        }
        BigDecimal max = BigDecimal.ONE;
        for (String c : codes.keySet()) {
            max = max.max(thisYear.getOrDefault(c, BigDecimal.ZERO));
            if (lastYear != null) {
                max = max.max(lastYear.getOrDefault(c, BigDecimal.ZERO));
            }
        }
        List<Row> rows = new ArrayList<>();
        int y = 0;
        for (String c : codes.keySet()) {
            BigDecimal now = thisYear.getOrDefault(c, BigDecimal.ZERO).setScale(2, RoundingMode.UNNECESSARY);
            BigDecimal before = lastYear == null ? null
                    : lastYear.getOrDefault(c, BigDecimal.ZERO).setScale(2, RoundingMode.UNNECESSARY);
            BigDecimal change = before == null ? null : now.subtract(before);
            String percent = before == null || before.signum() == 0 ? "—"
                    : change.multiply(BigDecimal.valueOf(100)).divide(before, 1, RoundingMode.HALF_UP) + "%";
            rows.add(new Row(c, names.getOrDefault(c, ""), now, before, change, percent, bar(now, max),
                    before == null ? 0 : bar(before, max), y));
            y += ROW_HEIGHT;
        }
        return rows;
    }

    private static int bar(BigDecimal value, BigDecimal max) {
        return value.multiply(BigDecimal.valueOf(BAR_WIDTH)).divide(max, 0, RoundingMode.HALF_UP).intValue();
    }

    private static BigDecimal amount(JsonNode node) {
        String text = node == null ? "" : node.asString("");
        try {
            return text.isBlank() ? BigDecimal.ZERO : new BigDecimal(text);
        } catch (NumberFormatException e) {
            return BigDecimal.ZERO;
        }
    }
}

package cn.finance.disclosure.publication.document;

import cn.finance.disclosure.model.Change;
import cn.finance.disclosure.model.ClerkText;
import cn.finance.disclosure.model.Direction;

import java.util.regex.Pattern;

/**
 * The year-over-year phrases of the explanation, with the seed's own variants. The verb follows the sign of the exact
 * yuan difference (增加/减少/持平); the amount is its absolute value in 万元.
 */
final class Wording {

    private static final Pattern YEAR_MONTH = Pattern.compile("(\\d{4})-(\\d{1,2})");

    private Wording() {
    }

    /** "比2023年增加X万元" / "比2023年减少X万元" / "与2023年持平". */
    static String againstYear(Change change, int priorYear) {
        return against(change, "比" + priorYear + "年", "与" + priorYear + "年持平", "增加", "减少");
    }

    /** "比上年增加X万元" / "比上年减少X万元" / "与上年持平". */
    static String againstLastYear(Change change) {
        return against(change, "比上年", "与上年持平", "增加", "减少");
    }

    /** The revenue sentence's own form: "收入较2023年少X万元" / "收入较2023年多X万元" / "收入与2023年持平". */
    static String revenueAgainstYear(Change change, int priorYear) {
        return against(change, "收入较" + priorYear + "年", "收入与" + priorYear + "年持平", "多", "少");
    }

    /** "支出预算较2023年增加X万元" / "支出预算较2023年减少X万元" / "支出预算与2023年持平". */
    static String expenditureAgainstYear(Change change, int priorYear) {
        return against(change, "支出预算较" + priorYear + "年", "支出预算与" + priorYear + "年持平", "增加", "减少");
    }

    /** The direction is {@link Direction}'s one rule; the amount is the absolute change in 万元. */
    private static String against(Change change, String lead, String flat, String up, String down) {
        return switch (change.direction()) {
            case INCREASE -> lead + up + Amounts.text(change.delta().abs()) + "万元";
            case DECREASE -> lead + down + Amounts.text(change.delta().abs()) + "万元";
            case FLAT -> flat;
        };
    }

    /**
     * A department's own words, made to fit inside a sentence: trimmed, with trailing sentence punctuation removed
     * (the generator ends the sentence), and {@code lead} prepended unless the words already begin with it
     * ("主要用于…" written either way reads once). Empty when the department wrote nothing,
     * or only words that say nothing ("不适用"): no sentence is built on an empty input.
     */
    static String clause(String lead, String words) {
        String w = trimClause(words);
        if (w.isEmpty() || ClerkText.isEmpty(w)) {
            return "";
        }
        return w.startsWith(lead) ? w : lead + w;
    }

    static String trimClause(String words) {
        if (words == null) {
            return "";
        }
        String w = words.strip();
        while (!w.isEmpty() && "。；;，,.、 ".indexOf(w.charAt(w.length() - 1)) >= 0) {
            w = w.substring(0, w.length() - 1).strip();
        }
        return w;
    }

    /** "2023-12" → "2023年12月"; anything else is printed as given. */
    static String yearMonth(String isoYearMonth, int fallbackYear) {
        if (isoYearMonth == null || isoYearMonth.isBlank()) {
            return fallbackYear + "年12月";
        }
        var m = YEAR_MONTH.matcher(isoYearMonth.strip());
        if (m.matches()) {
            return m.group(1) + "年" + Integer.parseInt(m.group(2)) + "月";
        }
        return isoYearMonth.strip();
    }
}

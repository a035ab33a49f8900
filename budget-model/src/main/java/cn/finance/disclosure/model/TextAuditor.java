package cn.finance.disclosure.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Re-reads a disclosure's text against the budget it states, as a careful reader would. Pure: the same text, reading
 * and clerk's words always give the same findings. A {@link Severity#DEFECT} is a sentence that contradicts itself or
 * the budget (a draft with one cannot be confirmed); a {@link Severity#NOTE} is reported and does not block (the
 * 万元 display rounding of a breakdown, a clerk's own number that matches no figure, a difference the budget's
 * validation already warned about).
 *
 * <p>Rules:
 * <ul>
 *   <li>A1 every "其中" breakdown (and "X万元：a、b、c") adds up to its whole, amounts and changes alike; a gap within
 *       the display rounding (0.005 万元 per rounded part) is a NOTE, a larger one a DEFECT; a "其中X" subset is not
 *       larger than its whole;</li>
 *   <li>A2 every 增加/减少/多/少 has a figure above zero (持平 otherwise) and agrees with the sign of the budget's
 *       change of that size;</li>
 *   <li>A3 every figure stated is a figure of the budget ({@link StatedFigures}); one inside the clerk's own words is
 *       a NOTE;</li>
 *   <li>A4 no sentence is built on an empty input ("主要用于不适用。", "主要原因是。");</li>
 *   <li>A5 the years: this year's figures are the fiscal year's, comparisons are against the prior year, assets are
 *       counted at the end of the prior year;</li>
 *   <li>A6 revenue and expenditure changed by the same amount when the budget balances (NOTE).</li>
 * </ul>
 */
public final class TextAuditor {

    public enum Severity { DEFECT, NOTE }

    public record AuditFinding(String rule, Severity severity, String sentence, String message) {
    }

    public static final String BREAKDOWN = "A1-BREAKDOWN";
    public static final String BREAKDOWN_ROUNDING = "A1-BREAKDOWN-ROUNDING";
    public static final String DIRECTION = "A2-DIRECTION";
    public static final String FIGURE_UNKNOWN = "A3-FIGURE-UNKNOWN";
    public static final String CLERK_FIGURE_UNKNOWN = "A3-CLERK-FIGURE-UNKNOWN";
    public static final String EMPTY_INPUT = "A4-EMPTY-INPUT";
    public static final String YEAR = "A5-YEAR";
    public static final String REVENUE_EXPENDITURE_DELTA = "A6-REVENUE-EXPENDITURE-DELTA";

    private static final String MASK = "〔说明〕";
    private static final BigDecimal HALF = new BigDecimal("0.005");
    private static final Pattern TOKEN = Pattern.compile(
            "(增加|减少|多|少)?(\\d+(?:\\.\\d+)?)万元|与(?:\\d{4}年|上年)持平");
    private static final Pattern FIGURE = Pattern.compile("(\\d+(?:\\.\\d+)?)万元");
    private static final Pattern LEAD = Pattern.compile("(主要用于|主要原因是|主要原因为|主要是)([^。；，]*)");
    private static final Pattern THIS_YEAR = Pattern.compile(
            "(\\d{4})年(无使用|年初预算数|一般公共预算财政拨款|政府性基金预算|“三公”经费预算|项目支出均|实行绩效目标|"
                    + "一般公共预算安排购置|无项目支出)");
    private static final Pattern AGAINST = Pattern.compile("(?:比|较|与)(\\d{4})年");
    private static final Pattern AS_OF = Pattern.compile("截止(\\d{4})年(\\d{1,2})月");
    private static final Pattern REVENUE_DELTA = Pattern.compile("收入(?:较\\d{4}年(多|少)(\\d+(?:\\.\\d+)?)万元|与\\d{4}年持平)");
    private static final Pattern EXPENDITURE_DELTA =
            Pattern.compile("支出预算(?:较\\d{4}年(增加|减少)(\\d+(?:\\.\\d+)?)万元|与\\d{4}年持平)");

    /** A figure in a sentence: a stated amount, or the change that follows one (signed, 持平 = 0). */
    private record Token(int start, int end, BigDecimal value, boolean change, String text) {
    }

    private final BudgetReading reading;
    private final StatedFigures figures;
    private final List<String> clerkTexts;
    private final Set<String> positiveChanges = new HashSet<>();
    private final Set<String> negativeChanges = new HashSet<>();
    private final List<AuditFinding> findings = new ArrayList<>();

    private TextAuditor(BudgetReading reading, Collection<String> clerkTexts) {
        this.reading = reading;
        this.figures = StatedFigures.of(reading);
        this.clerkTexts = clerkTexts.stream().filter(t -> t != null && !t.isBlank()).map(TextAuditor::trimmed)
                .filter(t -> !t.isEmpty()).distinct().sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
        if (reading.hasPrior()) {
            List<Change> changes = new ArrayList<>(List.of(reading.revenueChange(), reading.expenditureChange(),
                    reading.basicChange(), reading.projectChange(), reading.threePublicChange(),
                    reading.operatingExpensesChange()));
            for (var fund : cn.finance.disclosure.model.BudgetContent.FundSource.values()) {
                reading.expenditureChange(fund).ifPresent(changes::add);
                reading.basicChange(fund).ifPresent(changes::add);
                reading.projectChange(fund).ifPresent(changes::add);
            }
            for (ThreePublicItem item : ThreePublicItem.values()) {
                changes.add(reading.threePublicChange(item));
            }
            for (Change c : changes) {
                String shown = c.delta().abs().toWanYuanText();
                (c.delta().signum() > 0 ? positiveChanges : negativeChanges).add(shown);
            }
        }
    }

    /** The clerk's own words in a budget: the explanations and the "主要用于" texts. */
    public static List<String> clerkTexts(BudgetReading reading) {
        var e = reading.explanations;
        var s = reading.submission;
        List<String> texts = new ArrayList<>();
        for (String t : new String[] {e.revenue(), e.expenditure(), e.basicExpenditure(), e.projectExpenditure(),
                e.operatingExpenses(), s.basicExpenditureUse(), s.projectExpenditureUse(), s.operatingExpensesUse()}) {
            if (t != null) {
                texts.add(t);
            }
        }
        return texts;
    }

    public static List<AuditFinding> audit(String text, BudgetReading reading) {
        return audit(text, reading, clerkTexts(reading));
    }

    public static List<AuditFinding> audit(String text, BudgetReading reading, Collection<String> clerkTexts) {
        TextAuditor auditor = new TextAuditor(reading, clerkTexts);
        auditor.run(text);
        return List.copyOf(auditor.findings);
    }

    private void run(String text) {
        for (String paragraph : text.split("\\R")) {
            if (paragraph.isBlank()) {
                continue;
            }
            emptyInputs(paragraph);
            String masked = mask(paragraph);
            years(masked);
            String previous = null;
            for (String sentence : sentences(masked)) {
                List<Token> tokens = tokens(sentence);
                directions(sentence, tokens);
                known(sentence, tokens);
                breakdowns(sentence, tokens, previous);
                colonBreakdowns(sentence, tokens);
                previous = sentence;
            }
        }
        revenueAgainstExpenditure(text);
    }

    // ---- A4 ----

    private void emptyInputs(String paragraph) {
        Matcher m = LEAD.matcher(paragraph);
        while (m.find()) {
            if (ClerkText.isEmpty(m.group(2))) {
                defect(EMPTY_INPUT, sentenceAround(paragraph, m.start()),
                        "“" + m.group(1) + "”后没有实际内容（“" + m.group(2).strip() + "”），句子建立在空的输入上。");
            }
        }
    }

    // ---- A5 ----

    private void years(String paragraph) {
        Integer year = reading.fiscalYear;
        if (year == null) {
            return;
        }
        Matcher m = THIS_YEAR.matcher(paragraph);
        while (m.find()) {
            int stated = Integer.parseInt(m.group(1));
            if (stated != year) {
                defect(YEAR, sentenceAround(paragraph, m.start()), "本年度的内容写成了" + stated + "年（“" + m.group()
                        + "”），而预算年度为" + year + "年。");
            }
        }
        int prior = reading.priorFiscalYear();
        Matcher a = AGAINST.matcher(paragraph);
        while (a.find()) {
            int stated = Integer.parseInt(a.group(1));
            if (stated != prior) {
                defect(YEAR, sentenceAround(paragraph, a.start()), "与上年比较写成了与" + stated + "年比较，上年应为"
                        + prior + "年。");
            }
        }
        Matcher asOf = AS_OF.matcher(paragraph);
        while (asOf.find()) {
            if (Integer.parseInt(asOf.group(1)) != year - 1) {
                defect(YEAR, sentenceAround(paragraph, asOf.start()), "国有资产应截止" + (year - 1) + "年末，写的是"
                        + asOf.group() + "。");
            }
        }
    }

    // ---- A2 ----

    private void directions(String sentence, List<Token> tokens) {
        for (Token t : tokens) {
            if (!t.change() || t.text().contains("持平")) {
                continue;
            }
            String shown = shown(t.value().abs());
            if (t.value().signum() == 0) {
                defect(DIRECTION, sentence, "“" + t.text() + "”：变动为0时应写“持平”。");
            } else if (t.value().signum() > 0 && negativeChanges.contains(shown) && !positiveChanges.contains(shown)) {
                defect(DIRECTION, sentence, "“" + t.text() + "”与预算数不符：该项较上年是减少" + shown + "万元。");
            } else if (t.value().signum() < 0 && positiveChanges.contains(shown) && !negativeChanges.contains(shown)) {
                defect(DIRECTION, sentence, "“" + t.text() + "”与预算数不符：该项较上年是增加" + shown + "万元。");
            }
        }
    }

    // ---- A3 ----

    private void known(String sentence, List<Token> tokens) {
        for (Token t : tokens) {
            if (t.text().contains("持平")) {
                continue;
            }
            String shown = shown(t.value().abs());
            if (!figures.contains(shown)) {
                defect(FIGURE_UNKNOWN, sentence, "文中的“" + t.text() + "”不是本预算的任何数字。");
            }
        }
    }

    private String mask(String paragraph) {
        String masked = paragraph;
        for (String clerk : clerkTexts) {
            if (!masked.contains(clerk)) {
                continue;
            }
            Matcher m = FIGURE.matcher(clerk);
            while (m.find()) {
                if (!figures.contains(shown(new BigDecimal(m.group(1))))) {
                    findings.add(new AuditFinding(CLERK_FIGURE_UNKNOWN, Severity.NOTE, clerk, "单位填写的说明中的“"
                            + m.group() + "”不是本预算的任何数字；可能指："
                            + String.join("、", figures.nearest(m.group(1), 3)) + "。"));
                }
            }
            masked = masked.replace(clerk, MASK);
        }
        return masked;
    }

    // ---- A1 ----

    private void breakdowns(String sentence, List<Token> tokens, String previous) {
        int at = sentence.indexOf("其中");
        if (at < 0) {
            return;
        }
        Token whole = null;
        Token wholeChange = null;
        List<Token> before = tokens.stream().filter(t -> t.start() < at).toList();
        List<Token> source = before.stream().anyMatch(t -> !t.change()) ? before
                : previous == null ? List.of() : tokens(previous);
        String wholeText = source == before ? sentence : previous;
        for (int i = 0; i < source.size(); i++) {
            if (!source.get(i).change()) {
                whole = source.get(i);
                wholeChange = i + 1 < source.size() && source.get(i + 1).change() ? source.get(i + 1) : null;
            }
        }
        // "总额X万元：a、b、c；其中…": the whole is the head of that breakdown, not its last part.
        for (Token t : source) {
            if (!t.change() && wholeText.startsWith("：", t.end())) {
                whole = t;
                wholeChange = null;
            }
        }
        if (whole == null) {
            return;
        }
        List<Token> after = tokens.stream().filter(t -> t.start() > at).toList();
        if (after.isEmpty()) {
            return;
        }
        boolean listColon = sentence.startsWith("：", at + 2);
        Token first = after.getFirst();
        if (!listColon && !first.change() && sentence.startsWith("：", first.end())) {
            if (first.value().compareTo(whole.value()) > 0) {
                defect(BREAKDOWN, sentence, "其中数" + shown(first.value()) + "万元大于总数" + shown(whole.value())
                        + "万元。");
            }
            return; // "其中X万元：a、b、c": a subset with its own breakdown (checked as such)
        }
        List<BigDecimal> parts = new ArrayList<>();
        List<BigDecimal> partChanges = new ArrayList<>();
        for (int i = 0; i < after.size(); i++) {
            Token t = after.get(i);
            if (t.change()) {
                continue;
            }
            parts.add(t.value());
            if (i + 1 < after.size() && after.get(i + 1).change()) {
                partChanges.add(after.get(i + 1).value());
            }
        }
        compare(sentence, "其中各项", parts, whole.value(), "总数");
        if (wholeChange != null && !parts.isEmpty() && partChanges.size() == parts.size()) {
            compare(sentence, "其中各项的增减", partChanges, wholeChange.value(), "总数的增减");
        }
    }

    private void colonBreakdowns(String sentence, List<Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.change() || !sentence.startsWith("：", t.end())) {
                continue;
            }
            int stop = sentence.indexOf('；', t.end());
            int end = stop < 0 ? sentence.length() : stop;
            List<BigDecimal> parts = tokens.stream().filter(p -> p.start() > t.end() && p.start() < end && !p.change())
                    .map(Token::value).toList();
            compare(sentence, "分项", parts, t.value(), "总额");
        }
    }

    private void compare(String sentence, String what, List<BigDecimal> parts, BigDecimal whole, String wholeName) {
        if (parts.size() < 2) {
            if (parts.size() == 1 && parts.getFirst().compareTo(whole) != 0 && parts.getFirst().abs().compareTo(whole.abs()) > 0) {
                defect(BREAKDOWN, sentence, what + shown(parts.getFirst()) + "万元大于" + wholeName + shown(whole) + "万元。");
            }
            return;
        }
        BigDecimal sum = parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal gap = sum.subtract(whole).abs();
        if (gap.signum() == 0) {
            return;
        }
        String message = what + "合计" + shown(sum) + "万元，" + wholeName + "为" + shown(whole) + "万元，相差" + shown(gap)
                + "万元";
        if (gap.compareTo(HALF.multiply(BigDecimal.valueOf(parts.size()))) <= 0) {
            findings.add(new AuditFinding(BREAKDOWN_ROUNDING, Severity.NOTE, sentence,
                    message + "：各项分别四舍五入到万元所致，以元计的金额平衡。"));
        } else {
            defect(BREAKDOWN, sentence, message + "，其中数与总数不一致。");
        }
    }

    // ---- A6 ----

    private void revenueAgainstExpenditure(String text) {
        Matcher r = REVENUE_DELTA.matcher(text);
        Matcher e = EXPENDITURE_DELTA.matcher(text);
        if (!r.find() || !e.find() || !reading.revenueTotal().equals(reading.expenditureTotal())) {
            return;
        }
        BigDecimal revenue = r.group(2) == null ? BigDecimal.ZERO
                : new BigDecimal(r.group(2)).multiply(BigDecimal.valueOf("少".equals(r.group(1)) ? -1 : 1));
        BigDecimal expenditure = e.group(2) == null ? BigDecimal.ZERO
                : new BigDecimal(e.group(2)).multiply(BigDecimal.valueOf("减少".equals(e.group(1)) ? -1 : 1));
        if (revenue.compareTo(expenditure) != 0) {
            findings.add(new AuditFinding(REVENUE_EXPENDITURE_DELTA, Severity.NOTE, r.group() + "；" + e.group(),
                    "本年收支平衡，收入变动" + shown(revenue) + "万元与支出变动" + shown(expenditure)
                            + "万元却不相同：上年的收入、支出数字不平衡，或漏报了上年结转。"));
        }
    }

    // ---- reading the text ----

    private static List<String> sentences(String paragraph) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < paragraph.length(); i++) {
            if (paragraph.charAt(i) == '。') {
                out.add(paragraph.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < paragraph.length() && !paragraph.substring(start).isBlank()) {
            out.add(paragraph.substring(start));
        }
        return out;
    }

    private static List<Token> tokens(String sentence) {
        List<Token> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(sentence);
        while (m.find()) {
            if (m.group(2) == null) {
                tokens.add(new Token(m.start(), m.end(), BigDecimal.ZERO, true, m.group()));
                continue;
            }
            BigDecimal value = new BigDecimal(m.group(2));
            String verb = m.group(1);
            boolean change = verb != null;
            if ("减少".equals(verb) || "少".equals(verb)) {
                value = value.negate();
            }
            tokens.add(new Token(m.start(), m.end(), value, change, m.group()));
        }
        return tokens;
    }

    private static String sentenceAround(String paragraph, int at) {
        int start = paragraph.lastIndexOf('。', at - 1) + 1;
        int end = paragraph.indexOf('。', at);
        return paragraph.substring(start, end < 0 ? paragraph.length() : end + 1);
    }

    private static String trimmed(String words) {
        String w = words.strip();
        while (!w.isEmpty() && "。；;，,.、 ".indexOf(w.charAt(w.length() - 1)) >= 0) {
            w = w.substring(0, w.length() - 1).strip();
        }
        return w;
    }

    private static String shown(BigDecimal wan) {
        BigDecimal v = wan.stripTrailingZeros();
        return v.signum() == 0 ? "0" : v.toPlainString();
    }

    private void defect(String rule, String sentence, String message) {
        findings.add(new AuditFinding(rule, Severity.DEFECT, sentence.strip(), message));
    }
}

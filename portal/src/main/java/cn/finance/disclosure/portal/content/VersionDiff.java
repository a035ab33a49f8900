package cn.finance.disclosure.portal.content;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What changed between two versions of a disclosure: the sentences of the text (a longest-common-subsequence
 * alignment, so a changed sentence shows as removed and added) and the cells of each table (rows matched by their
 * code and name cells, so an inserted row does not make every later row look changed).
 */
public final class VersionDiff {

    /** Sentence ends in Chinese official prose, and line ends. */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[。；！？])|\\R");

    /** SKIPPED stands for a run of unchanged sentences left out of the condensed view (its text is how many). */
    public enum Kind { SAME, REMOVED, ADDED, SKIPPED }

    public record Sentence(Kind kind, String text) {
        public String cssClass() {
            return kind.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One table cell: {@code before} is the older value when it changed, else null. */
    public record Cell(String value, String before, boolean changed) {
    }

    public record Row(Kind kind, String rowKind, List<Cell> cells) {
        public String cssClass() {
            return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + rowKind.toLowerCase(java.util.Locale.ROOT);
        }
    }

    public record TableDiff(String code, String title, String unit, List<Content.Column> columns, List<Row> rows,
                            int changedCells) {
    }

    public record Result(List<Sentence> sentences, int changedSentences, List<TableDiff> tables) {
        public boolean identical() {
            return changedSentences == 0 && tables.isEmpty();
        }

        /** The changes with one unchanged sentence of context either side; longer unchanged runs become SKIPPED. */
        public List<Sentence> condensed() {
            List<Sentence> out = new ArrayList<>();
            int skipped = 0;
            for (int i = 0; i < sentences.size(); i++) {
                Sentence s = sentences.get(i);
                boolean nearChange = s.kind() != Kind.SAME
                        || i > 0 && sentences.get(i - 1).kind() != Kind.SAME
                        || i + 1 < sentences.size() && sentences.get(i + 1).kind() != Kind.SAME;
                if (nearChange) {
                    if (skipped > 0) {
                        out.add(new Sentence(Kind.SKIPPED, Integer.toString(skipped)));
                        skipped = 0;
                    }
                    out.add(s);
                } else {
                    skipped++;
                }
            }
            if (skipped > 0) {
                out.add(new Sentence(Kind.SKIPPED, Integer.toString(skipped)));
            }
            return out;
        }
    }

    private VersionDiff() {
    }

    public static Result between(Content older, Content newer) {
        List<Sentence> sentences = sentences(split(older.text()), split(newer.text()));
        int changed = (int) sentences.stream().filter(s -> s.kind() != Kind.SAME).count();
        List<TableDiff> tables = new ArrayList<>();
        Set<String> codes = new LinkedHashSet<>();
        newer.tables().forEach(t -> codes.add(t.code()));
        older.tables().forEach(t -> codes.add(t.code()));
        for (String code : codes) {
            Content.Table before = older.table(code).orElse(null);
            Content.Table after = newer.table(code).orElse(null);
            TableDiff diff = table(before, after);
            if (diff.changedCells() > 0) {
                tables.add(diff);
            }
        }
        return new Result(sentences, changed, tables);
    }

    static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        for (String s : SENTENCE_END.split(text)) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    static List<Sentence> sentences(List<String> a, List<String> b) {
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Sentence> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            if (a.get(i).equals(b.get(j))) {
                out.add(new Sentence(Kind.SAME, a.get(i)));
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                out.add(new Sentence(Kind.REMOVED, a.get(i++)));
            } else {
                out.add(new Sentence(Kind.ADDED, b.get(j++)));
            }
        }
        while (i < a.size()) {
            out.add(new Sentence(Kind.REMOVED, a.get(i++)));
        }
        while (j < b.size()) {
            out.add(new Sentence(Kind.ADDED, b.get(j++)));
        }
        return out;
    }

    private static TableDiff table(Content.Table before, Content.Table after) {
        Content.Table shape = after != null ? after : before;
        List<Row> rows = new ArrayList<>();
        int changed = 0;
        Map<String, Content.Row> oldRows = before == null ? Map.of() : keyed(before);
        Map<String, Content.Row> newRows = after == null ? Map.of() : keyed(after);
        for (Map.Entry<String, Content.Row> entry : newRows.entrySet()) {
            Content.Row now = entry.getValue();
            Content.Row was = oldRows.get(entry.getKey());
            List<Cell> cells = new ArrayList<>();
            for (int c = 0; c < now.cells().size(); c++) {
                String value = now.cells().get(c);
                String old = was == null || c >= was.cells().size() ? null : was.cells().get(c);
                boolean differs = was == null || !value.equals(old);
                changed += differs ? 1 : 0;
                cells.add(new Cell(value, differs ? old : null, differs));
            }
            rows.add(new Row(was == null ? Kind.ADDED : Kind.SAME, now.kind(), cells));
        }
        for (Map.Entry<String, Content.Row> entry : oldRows.entrySet()) {
            if (!newRows.containsKey(entry.getKey())) {
                List<Cell> cells = entry.getValue().cells().stream().map(v -> new Cell(v, null, true)).toList();
                changed += cells.size();
                rows.add(new Row(Kind.REMOVED, entry.getValue().kind(), cells));
            }
        }
        return new TableDiff(shape.code(), shape.title(), shape.unit(), shape.columns(), rows, changed);
    }

    /** Rows by their non-amount cells (code, name, ...), numbered when the same key repeats. */
    private static Map<String, Content.Row> keyed(Content.Table table) {
        Map<String, Content.Row> out = new java.util.LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Content.Row row : table.rows()) {
            StringBuilder key = new StringBuilder(row.kind()).append('|');
            for (int c = 0; c < row.cells().size() && c < table.columns().size(); c++) {
                if (!table.columns().get(c).amount()) {
                    key.append(row.cells().get(c)).append('|');
                }
            }
            int n = seen.merge(key.toString(), 1, Integer::sum);
            out.put(key + "#" + n, row);
        }
        return out;
    }
}

package cn.finance.disclosure.publication.document;

import cn.finance.disclosure.publication.document.DisclosureTable.Column;
import cn.finance.disclosure.publication.document.DisclosureTable.ColumnKind;
import cn.finance.disclosure.publication.document.DisclosureTable.Row;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The disclosure as one printable, accessible HTML5 page ({@code versions/{n}.html}): the explanation's sections, then
 * every standard table with a caption and header cells scoped for screen readers. No script, no external resource.
 * Every piece of text is escaped, whoever wrote it (department names, functions, divisions, explanations, project
 * names, targets, contact), so nothing a user typed can become markup.
 */
public final class HtmlRenderer {

    public static final String MEDIA_TYPE = "text/html;charset=UTF-8";

    private static final String STYLE = """
            :root { color-scheme: light; }
            body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", serif; line-height: 1.8;
                   color: #111; background: #fff; margin: 0; }
            main { max-width: 60rem; margin: 0 auto; padding: 2rem 1.5rem 4rem; }
            h1 { font-size: 1.6rem; text-align: center; margin: 0 0 .5rem; }
            h2 { font-size: 1.25rem; margin: 2rem 0 .75rem; }
            h3 { font-size: 1.1rem; margin: 1.25rem 0 .5rem; }
            h4 { font-size: 1rem; margin: 1rem 0 .25rem; }
            p { margin: .4rem 0; text-indent: 2em; }
            .meta { text-align: center; color: #444; margin: 0 0 2rem; }
            .meta dt, .meta dd { display: inline; margin: 0; }
            .meta dd::after { content: ""; display: inline-block; width: 1.5em; }
            .contact { margin-top: 2rem; font-style: normal; }
            table { border-collapse: collapse; width: 100%; margin: .5rem 0 2rem; font-size: .9rem; }
            caption { font-weight: bold; font-size: 1.05rem; padding: .5rem 0; text-align: center; }
            caption .unit { display: block; font-weight: normal; font-size: .85rem; text-align: right; }
            th, td { border: 1px solid #555; padding: .25rem .5rem; vertical-align: top; }
            thead th { background: #eee; text-align: center; }
            td.amount { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            td.code { white-space: nowrap; }
            tbody th { text-align: left; font-weight: normal; }
            tr.total th, tr.total td, tr.class th, tr.class td { font-weight: bold; }
            tr.section th { padding-left: 1.5em; }
            tr.item th { padding-left: 2.5em; }
            td.note { text-align: center; color: #444; }
            @media print {
              @page { size: A4; margin: 18mm 15mm; }
              body { font-size: 11pt; }
              main { max-width: none; padding: 0; }
              h2 { break-after: avoid; }
              table { break-inside: auto; }
              thead { display: table-header-group; }
              tr { break-inside: avoid; }
              thead th { background: none; }
            }
            """;

    /**
     * The page's Content-Security-Policy: nothing may load or run, only the page's own style sheet (by its hash, so
     * no injected style either), and no framing, form or base URL. Goes with every answer of the page.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'sha256-"
            + sha256Base64("\n" + STYLE) + "'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static String sha256Base64(String text) {
        try {
            return java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String render(DisclosureContent content) {
        return render(content, Map.of());
    }

    /**
     * @param metadata shown under the title in the given order, e.g. 版本 → 第1版, 发布时间 → …, 内容哈希 → …
     *                 (use an ordered map); escaped like everything else
     */
    public String render(DisclosureContent content, Map<String, String> metadata) {
        StringBuilder out = new StringBuilder(16_384);
        out.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(content.title())).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n<main>\n")
                .append("<article>\n<header>\n<h1>").append(escape(content.title())).append("</h1>\n");
        if (!metadata.isEmpty()) {
            out.append("<dl class=\"meta\">\n");
            metadata.forEach((k, v) -> out.append("<dt>").append(escape(k)).append("：</dt><dd>")
                    .append(escape(v)).append("</dd>\n"));
            out.append("</dl>\n");
        }
        out.append("</header>\n");
        for (Section section : content.sections()) {
            out.append("<section>\n");
            appendSection(out, section, 2);
            out.append("</section>\n");
        }
        out.append("<address class=\"contact\">").append(escape(ExplanationWriter.contactLine(content.title(), content.contact())))
                .append("</address>\n</article>\n");
        if (!content.tables().isEmpty()) {
            out.append("<section aria-labelledby=\"tables\">\n<h2 id=\"tables\">部门预算公开表</h2>\n");
            int n = 1;
            for (DisclosureTable table : content.tables()) {
                appendTable(out, table, n++);
            }
            out.append("</section>\n");
        }
        return out.append("</main>\n</body>\n</html>\n").toString();
    }

    private static void appendSection(StringBuilder out, Section section, int level) {
        int h = Math.min(level, 6);
        out.append("<h").append(h).append('>').append(escape(section.heading())).append("</h").append(h).append(">\n");
        for (String paragraph : section.paragraphs()) {
            out.append("<p>").append(escape(paragraph)).append("</p>\n");
        }
        for (Section sub : section.subsections()) {
            appendSection(out, sub, level + 1);
        }
    }

    private static void appendTable(StringBuilder out, DisclosureTable table, int number) {
        List<Column> columns = table.columns();
        String id = "table-" + escape(table.code());
        out.append("<table id=\"").append(id).append("\">\n<caption>表").append(number).append(' ')
                .append(escape(table.title())).append("<span class=\"unit\">单位：").append(escape(table.unit()))
                .append("</span></caption>\n<thead>\n");
        appendHeader(out, columns);
        out.append("</thead>\n<tbody>\n");
        int rowHeader = rowHeaderColumn(columns);
        if (table.rows().isEmpty()) {
            out.append("<tr><td class=\"note\" colspan=\"").append(columns.size()).append("\">")
                    .append(escape(table.note() == null ? "本表无数据" : table.note())).append("</td></tr>\n");
        }
        for (Row row : table.rows()) {
            out.append("<tr class=\"").append(row.kind().name().toLowerCase(Locale.ROOT)).append("\">");
            for (int i = 0; i < columns.size(); i++) {
                String cell = escape(row.cells().get(i));
                if (i == rowHeader && !row.cells().get(i).isEmpty()) {
                    out.append("<th scope=\"row\">").append(cell).append("</th>");
                } else {
                    ColumnKind kind = columns.get(i).kind();
                    out.append("<td class=\"").append(kind.name().toLowerCase(Locale.ROOT)).append("\">")
                            .append(cell).append("</td>");
                }
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n");
        if (!table.rows().isEmpty() && table.note() != null) {
            out.append("<p class=\"note\">").append(escape(table.note())).append("</p>\n");
        }
    }

    /** One header row, or two when columns are grouped (the group spans its columns, lone columns span both rows). */
    private static void appendHeader(StringBuilder out, List<Column> columns) {
        boolean grouped = columns.stream().anyMatch(c -> c.group() != null);
        if (!grouped) {
            out.append("<tr>");
            columns.forEach(c -> out.append("<th scope=\"col\">").append(escape(c.label())).append("</th>"));
            out.append("</tr>\n");
            return;
        }
        StringBuilder first = new StringBuilder("<tr>");
        List<Column> second = new ArrayList<>();
        int i = 0;
        while (i < columns.size()) {
            Column c = columns.get(i);
            if (c.group() == null) {
                first.append("<th scope=\"col\" rowspan=\"2\">").append(escape(c.label())).append("</th>");
                i++;
                continue;
            }
            int span = 0;
            while (i + span < columns.size() && Objects.equals(columns.get(i + span).group(), c.group())) {
                second.add(columns.get(i + span));
                span++;
            }
            first.append("<th scope=\"colgroup\" colspan=\"").append(span).append("\">").append(escape(c.group()))
                    .append("</th>");
            i += span;
        }
        out.append(first).append("</tr>\n<tr>");
        second.forEach(c -> out.append("<th scope=\"col\">").append(escape(c.label())).append("</th>"));
        out.append("</tr>\n");
    }

    /** The first words column names the row (the name beside a code, the label of a summary row). */
    private static int rowHeaderColumn(List<Column> columns) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).kind() == ColumnKind.TEXT) {
                return i;
            }
        }
        return 0;
    }

    /** Escapes the five characters that can end text or an attribute value: &amp; &lt; &gt; &quot; &#39;. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (replacement != null) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append(replacement);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}

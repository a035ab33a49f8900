package cn.finance.disclosure.publication.document;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlRendererTest {

    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String IMG = "\"><img src=x onerror=alert(1)>";
    private static final String QUOTE = "' onmouseover='alert(1)";

    /** The only elements the page itself writes; anything else would have come from a user's text. */
    private static final Set<String> OWN_ELEMENTS = Set.of("!doctype", "html", "head", "meta", "title", "style",
            "body", "main", "article", "header", "h1", "h2", "h3", "h4", "dl", "dt", "dd", "section", "p", "address",
            "table", "caption", "span", "thead", "tbody", "tr", "th", "td");

    private static DisclosureInput hostileInput() {
        String hostile = SCRIPT + IMG + QUOTE + " & more";
        DisclosureInput base = SeedFacts.withDepartment(d -> {
            ObjectNode profile = (ObjectNode) d.get("profile");
            ((ArrayNode) profile.get("functions")).add(hostile);
            ObjectNode division = ((ArrayNode) profile.get("divisions")).addObject();
            division.put("name", hostile).put("responsibilities", hostile);
            ((ObjectNode) profile.get("disclosureContact")).put("name", hostile).put("phone", IMG);
        });
        DisclosureInput budget = SeedFacts.withBudget(b -> {
            b.put("basicExpenditureUse", hostile).put("projectExpenditureUse", hostile).put("operatingExpensesUse", hostile);
            ObjectNode why = (ObjectNode) b.get("changeExplanations");
            why.put("revenue", hostile).put("expenditure", hostile).put("basicExpenditure", hostile)
                    .put("projectExpenditure", hostile).put("operatingExpenses", hostile);
            ObjectNode project = (ObjectNode) b.get("projects").get(0);
            project.put("name", hostile);
            ((ObjectNode) project.get("performanceTargets").get(0)).put("category", hostile).put("indicator", hostile)
                    .put("target", hostile);
            ((ObjectNode) b.get("expenditureLines").get(0)).put("functionName", hostile);
        });
        return new DisclosureInput(base.departmentCode(), hostile, base.profile(), budget.budget(), base.unit(),
                base.names());
    }

    @Test
    void givenHostileTextsEverywhereUsersWrite_whenRendered_thenNoMarkupSurvivesAndTheTextIsShownEscaped() {
        String html = new HtmlRenderer().render(new DisclosureGenerator().generate(hostileInput()),
                Map.of("版本", SCRIPT));

        assertThat(html).doesNotContain("<script", "<img", "onerror=alert(1)>", "' onmouseover");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"
                + "&#39; onmouseover=&#39;alert(1) &amp; more");
        Matcher tag = Pattern.compile("<(/?)([A-Za-z!][A-Za-z0-9]*)").matcher(html);
        while (tag.find()) {
            assertThat(OWN_ELEMENTS).as("element <%s> at %d", tag.group(2), tag.start())
                    .contains(tag.group(2).toLowerCase());
        }
        // attribute values are only the page's own: every quote in the page opens or closes one of them
        assertThat(html.replaceAll("(?s)<style>.*</style>", "").replaceAll("\\s[a-z-]+=\"[^\"<>&]*\"", ""))
                .doesNotContain("\"", "'");
    }

    @Test
    void givenTheSeed_whenRendered_thenThePageIsAnAccessiblePrintableDocumentWithEveryTable() {
        DisclosureContent content = SeedFacts.content();
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("版本", "第1版");
        meta.put("内容哈希", "abc");

        String html = new HtmlRenderer().render(content, meta);

        assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"zh-CN\">").contains("<meta charset=\"utf-8\">")
                .contains("<title>重庆市綦江区总工会（本级）2024年部门预算情况说明</title>").contains("<main>")
                .contains("<h1>重庆市綦江区总工会（本级）2024年部门预算情况说明</h1>").contains("<h2>一、单位基本情况</h2>")
                .contains("<h3>（一）职能职责</h3>").contains("<h4>1.综合部</h4>").contains("<h2>六、专业性名词解释</h2>")
                .contains("@media print").contains("<dt>版本：</dt><dd>第1版</dd>")
                .contains("部门预算公开联系人：张雪莲").contains("<th scope=\"col\">")
                .contains("<th scope=\"colgroup\" colspan=\"3\">公务用车购置及运行费</th>")
                .contains("<th scope=\"row\">一般公共服务支出</th>")
                .contains("本部门无政府性基金预算拨款安排的支出，故本表为空表")
                .doesNotContain("<script", "http://", "https://");
        for (DisclosureTable table : content.tables()) {
            assertThat(html).contains("<table id=\"table-" + table.code() + "\">")
                    .contains(table.title() + "<span class=\"unit\">单位：万元</span></caption>");
        }
        assertThat(html.split("<caption>", -1)).hasSize(content.tables().size() + 1);
        for (String paragraph : content.sections().get(2).paragraphs()) {
            assertThat(html).contains("<p>" + paragraph + "</p>");
        }
    }

    @Test
    void escapesTheFiveMarkupCharacters() {
        assertThat(HtmlRenderer.escape("a&b<c>d\"e'f 中")).isEqualTo("a&amp;b&lt;c&gt;d&quot;e&#39;f 中");
        assertThat(HtmlRenderer.escape("plain")).isEqualTo("plain");
        assertThat(HtmlRenderer.escape(null)).isEmpty();
    }
}

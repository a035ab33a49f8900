package cn.finance.disclosure.portal.content;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A verified version's {@code content}, read for display: the explanation's sections, its text, its tables, its
 * figures. Only reads what the platform published; computes nothing of its own.
 */
public record Content(String title, String departmentName, int fiscalYear, List<Section> sections, String text,
                      List<Table> tables, String contactName, String contactPhone, JsonNode figures) {

    public record Section(String heading, List<String> paragraphs, List<Section> subsections) {
    }

    public record Column(String label, String kind, String group) {
        public boolean amount() {
            return "AMOUNT".equals(kind);
        }
    }

    public record Row(String kind, List<String> cells) {
        public String cssClass() {
            return kind == null ? "" : kind.toLowerCase(java.util.Locale.ROOT);
        }
    }

    public record Table(String code, String title, String unit, List<Column> columns, List<Row> rows, String note) {
    }

    public static Content of(JsonNode content) {
        List<Section> sections = new ArrayList<>();
        content.path("sections").values().forEach(s -> sections.add(section(s)));
        List<Table> tables = new ArrayList<>();
        for (JsonNode t : content.path("tables").values()) {
            List<Column> columns = new ArrayList<>();
            t.path("columns").values().forEach(c -> columns.add(new Column(c.path("label").asString(""),
                    c.path("kind").asString(""), c.path("group").isString() ? c.path("group").stringValue() : null)));
            List<Row> rows = new ArrayList<>();
            t.path("rows").values().forEach(r -> rows.add(new Row(r.path("kind").asString(""), strings(r.path("cells")))));
            tables.add(new Table(t.path("code").asString(""), t.path("title").asString(""), t.path("unit").asString(""),
                    columns, rows, t.path("note").isString() ? t.path("note").stringValue() : null));
        }
        return new Content(content.path("title").asString(""), content.path("departmentName").asString(""),
                content.path("fiscalYear").asInt(), sections, content.path("text").asString(""), tables,
                content.path("contact").path("name").asString(""), content.path("contact").path("phone").asString(""),
                content.path("figures"));
    }

    public Optional<Table> table(String code) {
        return tables.stream().filter(t -> t.code().equals(code)).findFirst();
    }

    private static Section section(JsonNode s) {
        List<Section> subsections = new ArrayList<>();
        s.path("subsections").values().forEach(sub -> subsections.add(section(sub)));
        return new Section(s.path("heading").asString(""), strings(s.path("paragraphs")), subsections);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.values().forEach(v -> out.add(v.asString("")));
        return out;
    }
}

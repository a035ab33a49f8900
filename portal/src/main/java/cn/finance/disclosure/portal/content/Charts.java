package cn.finance.disclosure.portal.content;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;

/**
 * The data of a disclosure's two charts, as JSON for the page's script (carried in a data attribute, so the page
 * needs no inline script): expenditure by function class (the 类 rows of 部门支出总表, as published in 万元) and this
 * year against last (the published figures and their published year-over-year changes).
 */
public final class Charts {

    static final String EXPENDITURE_SUMMARY = "expenditure-summary";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[][] COMPARED = {
            {"expenditureTotal", "支出合计"},
            {"generalPublicBudgetExpenditure", "一般公共预算拨款支出"},
            {"basicExpenditure", "基本支出"},
            {"projectExpenditure", "项目支出"},
            {"threePublicExpenses", "“三公”经费"},
            {"operatingExpenses", "机关运行经费"}};

    private Charts() {
    }

    /** {"name": 类名, "value": "276.62"} per function class; empty when the table is absent. */
    public static ArrayNode byFunctionClass(Content content) {
        ArrayNode out = JSON.createArrayNode();
        content.table(EXPENDITURE_SUMMARY).ifPresent(table -> {
            int name = -1;
            int amount = -1;
            for (int i = 0; i < table.columns().size(); i++) {
                Content.Column c = table.columns().get(i);
                if (amount < 0 && c.amount()) {
                    amount = i;
                }
                if (name < 0 && "TEXT".equals(c.kind())) {
                    name = i;
                }
            }
            if (name < 0 || amount < 0) {
                return;
            }
            for (Content.Row row : table.rows()) {
                if ("CLASS".equals(row.kind())) {
                    out.addObject().put("name", row.cells().get(name)).put("value", row.cells().get(amount));
                }
            }
        });
        return out;
    }

    /** {"priorYear", "year", "items": [{"name", "prior", "current"}]} in 万元; items empty without published changes. */
    public static ObjectNode yearOnYear(Content content) {
        ObjectNode out = JSON.createObjectNode();
        JsonNode figures = content.figures();
        JsonNode changes = figures.path("changes");
        out.put("year", content.fiscalYear());
        out.put("priorYear", changes.path("priorFiscalYear").asInt(content.fiscalYear() - 1));
        ArrayNode items = out.putArray("items");
        for (String[] compared : COMPARED) {
            JsonNode current = figures.path(compared[0]);
            JsonNode change = changes.path(compared[0]);
            if (current.isString() && change.isString()) {
                BigDecimal now = Wan.yuan(current.stringValue());
                BigDecimal prior = now.subtract(Wan.yuan(change.stringValue()));
                items.addObject().put("name", compared[1]).put("prior", Wan.of(prior)).put("current", Wan.of(now));
            }
        }
        return out;
    }
}

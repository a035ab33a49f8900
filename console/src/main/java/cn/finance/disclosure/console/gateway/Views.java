package cn.finance.disclosure.console.gateway;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;

/** API answers as plain maps and lists, which templates read by property name ({@code ${budget.status}}). */
public final class Views {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Views() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(JsonNode node) {
        return node == null || !node.isObject() ? Map.of() : JSON.convertValue(node, Map.class);
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> list(JsonNode node) {
        return node == null || !node.isArray() ? List.of() : JSON.convertValue(node, List.class);
    }
}

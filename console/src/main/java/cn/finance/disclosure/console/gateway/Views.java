package cn.finance.disclosure.console.gateway;

import tools.jackson.databind.JsonNode;

import java.io.Serial;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * API answers as plain maps and lists, which templates read by property name ({@code ${budget.status}}). The services
 * leave null members out of some answers; a template reads an absent member as null, as it reads a null one.
 */
public final class Views {

    private Views() {
    }

    public static Map<String, Object> map(JsonNode node) {
        return node != null && node.isObject() ? object(node) : new ViewMap();
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> list(JsonNode node) {
        List<Map<String, Object>> list = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(item -> list.add(item.isObject() ? object(item) : new ViewMap()));
        }
        return list;
    }

    private static ViewMap object(JsonNode node) {
        ViewMap map = new ViewMap();
        node.properties().forEach(e -> map.put(e.getKey(), value(e.getValue())));
        return map;
    }

    private static Object value(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            return object(node);
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(item -> list.add(value(item)));
            return list;
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        return node.asString();
    }

    /** A map that answers every key, absent ones with null (SpEL's map access refuses keys a map lacks). */
    static final class ViewMap extends LinkedHashMap<String, Object> {
        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        public boolean containsKey(Object key) {
            return true;
        }
    }
}

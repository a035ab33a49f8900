package cn.finance.disclosure.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks a custom resource against the structural {@code openAPIV3Schema} of its CRD, as the API server does when it
 * admits the object: declared properties only (unless the schema preserves unknown fields or allows additional
 * properties), the declared JSON types ({@code x-kubernetes-int-or-string} either), required properties, enums and
 * patterns. Formats, lengths, bounds and CEL rules are not checked.
 */
final class CrdSchema {

    private final String group;
    private final String kind;
    private final Map<String, JsonNode> schemaByVersion;

    CrdSchema(JsonNode crd) {
        this.group = crd.path("spec").path("group").asText();
        this.kind = crd.path("spec").path("names").path("kind").asText();
        var versions = new java.util.LinkedHashMap<String, JsonNode>();
        for (JsonNode version : crd.path("spec").path("versions")) {
            if (version.path("served").asBoolean()) {
                versions.put(version.path("name").asText(), version.path("schema").path("openAPIV3Schema"));
            }
        }
        if (group.isEmpty() || kind.isEmpty() || versions.isEmpty()) {
            throw new IllegalArgumentException("not a CRD with a served version: " + crd.path("metadata").path("name"));
        }
        this.schemaByVersion = Map.copyOf(versions);
    }

    boolean covers(String apiVersion, String objectKind) {
        return kind.equals(objectKind) && schemaByVersion.containsKey(versionOf(apiVersion)) && apiVersion.startsWith(group + "/");
    }

    /** Every problem found, each with its path; empty when the object conforms. */
    List<String> check(JsonNode object) {
        List<String> problems = new ArrayList<>();
        JsonNode schema = schemaByVersion.get(versionOf(object.path("apiVersion").asText()));
        // apiVersion, kind and metadata are the API server's, not the CRD's (metadata is checked by its own rules)
        var body = object.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) body).remove(List.of("apiVersion", "kind", "metadata"));
        var stripped = schema.deepCopy();
        if (stripped.has("properties")) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) stripped.get("properties"))
                    .remove(List.of("apiVersion", "kind", "metadata"));
        }
        check(body, stripped, kind, problems);
        return problems;
    }

    private static String versionOf(String apiVersion) {
        return apiVersion.substring(apiVersion.indexOf('/') + 1);
    }

    private static void check(JsonNode value, JsonNode schema, String path, List<String> problems) {
        if (value.isNull()) {
            if (!schema.path("nullable").asBoolean()) {
                problems.add(path + ": null is not allowed");
            }
            return;
        }
        boolean intOrString = schema.path("x-kubernetes-int-or-string").asBoolean();
        String type = schema.path("type").asText("");
        if (intOrString) {
            if (!value.isIntegralNumber() && !value.isTextual()) {
                problems.add(path + ": expected an integer or a string, found " + value.getNodeType());
            }
            return;
        }
        boolean preserveUnknown = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean();
        switch (type) {
            case "object" -> checkObject(value, schema, path, problems, preserveUnknown);
            case "array" -> {
                if (!value.isArray()) {
                    problems.add(path + ": expected an array, found " + value.getNodeType());
                    return;
                }
                for (int i = 0; i < value.size(); i++) {
                    check(value.get(i), schema.path("items"), path + "[" + i + "]", problems);
                }
            }
            case "string" -> expect(value.isTextual(), "a string", value, path, problems);
            case "integer" -> expect(value.isIntegralNumber(), "an integer", value, path, problems);
            case "number" -> expect(value.isNumber(), "a number", value, path, problems);
            case "boolean" -> expect(value.isBoolean(), "a boolean", value, path, problems);
            case "" -> {
                // untyped: only allowed with x-kubernetes-preserve-unknown-fields, which accepts anything
                if (!preserveUnknown && schema.has("properties")) {
                    checkObject(value, schema, path, problems, false);
                }
            }
            default -> problems.add(path + ": schema type " + type + " is not supported by this check");
        }
        if (schema.has("pattern") && value.isTextual()
                && !java.util.regex.Pattern.compile(schema.get("pattern").asText()).matcher(value.asText()).find()) {
            problems.add(path + ": " + value + " does not match " + schema.get("pattern").asText());
        }
        if (schema.has("enum") && value.isValueNode()) {
            boolean listed = false;
            for (JsonNode allowed : schema.get("enum")) {
                listed |= allowed.equals(value);
            }
            if (!listed) {
                problems.add(path + ": " + value + " is not one of " + schema.get("enum"));
            }
        }
    }

    private static void checkObject(JsonNode value, JsonNode schema, String path, List<String> problems, boolean preserveUnknown) {
        if (!value.isObject()) {
            problems.add(path + ": expected an object, found " + value.getNodeType());
            return;
        }
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.path("additionalProperties");
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                problems.add(path + ": required property " + required.asText() + " is missing");
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String at = path + "." + field.getKey();
            if (properties.has(field.getKey())) {
                check(field.getValue(), properties.get(field.getKey()), at, problems);
            } else if (additional.isObject()) {
                check(field.getValue(), additional, at, problems);
            } else if (!preserveUnknown && !additional.asBoolean(false)) {
                problems.add(at + ": unknown field (not in the " + "CRD schema)");
            }
        }
    }

    private static void expect(boolean ok, String what, JsonNode value, String path, List<String> problems) {
        if (!ok) {
            problems.add(path + ": expected " + what + ", found " + value.getNodeType() + " " + value);
        }
    }
}

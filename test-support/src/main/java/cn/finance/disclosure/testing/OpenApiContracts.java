package cn.finance.disclosure.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a service's OpenAPI description the way a client generator would read it: a standard parser (swagger-parser)
 * reports no error and sees OpenAPI 3.1, and every {@code pattern} is one a JavaScript (ECMA-262) client can compile.
 */
public final class OpenApiContracts {

    /** Constructs Java accepts and ECMA-262 does not (or reads differently). */
    private static final Pattern JAVA_ONLY = Pattern.compile(
            "\\(\\?[a-zA-Z-]+[:)]|\\(\\?>|\\\\[pP]\\{|\\\\[AZzGhHRX]|\\\\Q|\\\\E|[*+?}]\\+|&&\\[");

    private OpenApiContracts() {
    }

    /** @return the problems found; empty when the description is usable by clients */
    public static List<String> problems(String json) {
        List<String> problems = new ArrayList<>();
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(json, null, options);
        if (result.getMessages() != null) {
            problems.addAll(result.getMessages());
        }
        if (result.getOpenAPI() == null) {
            problems.add("not an OpenAPI description");
        } else if (!result.getOpenAPI().getOpenapi().startsWith("3.1")) {
            problems.add("OpenAPI " + result.getOpenAPI().getOpenapi() + ", not 3.1");
        }
        try {
            patterns(new ObjectMapper().readTree(json), "$", problems);
        } catch (Exception e) {
            problems.add("unreadable JSON: " + e.getMessage());
        }
        return problems;
    }

    /** Whether a JavaScript client can compile {@code pattern} with the meaning Java gives it. */
    public static boolean isEcmaPortable(String pattern) {
        return !JAVA_ONLY.matcher(pattern.replace("\\\\", "")).find();
    }

    private static void patterns(JsonNode node, String path, List<String> problems) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getKey().equals("pattern") && field.getValue().isTextual()
                        && !isEcmaPortable(field.getValue().asText())) {
                    problems.add(path + ".pattern is Java-only syntax: " + field.getValue().asText());
                }
                patterns(field.getValue(), path + "." + field.getKey(), problems);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                patterns(node.get(i), path + "[" + i + "]", problems);
            }
        }
    }
}

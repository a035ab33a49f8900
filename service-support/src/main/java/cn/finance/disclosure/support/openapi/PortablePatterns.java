package cn.finance.disclosure.support.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keeps the OpenAPI description usable by clients in every language: a JSON Schema {@code pattern} is an ECMA-262
 * regular expression, so a pattern written in Java-only syntax (inline flags like {@code (?i:...)}, {@code \p{Cc}},
 * possessive quantifiers, {@code \A}/{@code \z}) is left out of the description. The server still checks it: the
 * description says less than the server enforces, never something a client cannot compile.
 */
@Configuration(proxyBeanMethods = false)
public class PortablePatterns {

    /** Constructs Java accepts and ECMA-262 (JavaScript) does not, or reads differently. */
    private static final Pattern JAVA_ONLY = Pattern.compile(
            "\\(\\?[a-zA-Z-]+[:)]"      // inline flags: (?i) (?i:...) (?s)
                    + "|\\(\\?>"         // atomic group
                    + "|\\\\[pP]\\{"     // \p{...}: Java property names (Cc, javaLowerCase, Alpha)
                    + "|\\\\[AZzGhHRX]"  // anchors and classes JavaScript lacks
                    + "|\\\\Q|\\\\E"     // quoting
                    + "|[*+?}]\\+"       // possessive quantifiers
                    + "|&&\\[");         // class intersection

    /** Whether {@code pattern} means the same in ECMA-262 as in Java (as far as these constructs go). */
    public static boolean isPortable(String pattern) {
        return !JAVA_ONLY.matcher(stripEscapedBackslashes(pattern)).find();
    }

    private static String stripEscapedBackslashes(String pattern) {
        return pattern.replace("\\\\", "");
    }

    @Bean
    OpenApiCustomizer javaOnlyPatternsRemoved() {
        return PortablePatterns::removeJavaOnlyPatterns;
    }

    /** Drops every pattern a JavaScript client could not compile; returns the description for chaining. */
    public static OpenAPI removeJavaOnlyPatterns(OpenAPI openApi) {
        Set<Schema<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
            openApi.getComponents().getSchemas().values().forEach(s -> visit(s, seen));
        }
        if (openApi.getComponents() != null && openApi.getComponents().getParameters() != null) {
            openApi.getComponents().getParameters().values().forEach(p -> visit(p.getSchema(), seen));
        }
        if (openApi.getPaths() != null) {
            for (PathItem item : openApi.getPaths().values()) {
                if (item.getParameters() != null) {
                    item.getParameters().forEach(p -> visit(p.getSchema(), seen));
                }
                for (Operation operation : item.readOperations()) {
                    List<Parameter> parameters = operation.getParameters();
                    if (parameters != null) {
                        parameters.forEach(p -> visit(p.getSchema(), seen));
                    }
                    if (operation.getRequestBody() != null) {
                        visit(operation.getRequestBody().getContent(), seen);
                    }
                    if (operation.getResponses() != null) {
                        for (ApiResponse response : operation.getResponses().values()) {
                            visit(response.getContent(), seen);
                        }
                    }
                }
            }
        }
        return openApi;
    }

    private static void visit(Content content, Set<Schema<?>> seen) {
        if (content != null) {
            for (MediaType type : content.values()) {
                visit(type.getSchema(), seen);
            }
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void visit(Schema<?> schema, Set<Schema<?>> seen) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        if (schema.getPattern() != null && !isPortable(schema.getPattern())) {
            schema.setPattern(null);
        }
        Map<String, Schema> properties = schema.getProperties();
        if (properties != null) {
            properties.values().forEach(p -> visit(p, seen));
        }
        visit(schema.getItems(), seen);
        if (schema.getAdditionalProperties() instanceof Schema<?> additional) {
            visit(additional, seen);
        }
        for (List<Schema> group : new List[]{schema.getAllOf(), schema.getAnyOf(), schema.getOneOf(),
                schema.getPrefixItems()}) {
            if (group != null) {
                group.forEach(s -> visit(s, seen));
            }
        }
        visit(schema.getNot(), seen);
        if (schema.getPatternProperties() != null) {
            schema.getPatternProperties().values().forEach(s -> visit(s, seen));
        }
    }
}

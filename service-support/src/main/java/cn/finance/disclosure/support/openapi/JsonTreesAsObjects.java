package cn.finance.disclosure.support.openapi;

import io.swagger.v3.oas.models.media.ObjectSchema;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

/**
 * A response carrying a Jackson 3 tree ({@code JsonNode}, e.g. a disclosure's generated content) is described as a
 * JSON object. springdoc does not know Jackson 3's tree type and would otherwise publish a "JsonNode" schema listing
 * the class's getters: wrong for every client, and a generated Java client does not even compile (its model
 * {@code JsonNode} clashes with Jackson's own).
 */
@Configuration(proxyBeanMethods = false)
public class JsonTreesAsObjects {

    static {
        // springdoc's replacements are global and must be in place before the first description is built
        SpringDocUtils.getConfig().replaceWithSchema(JsonNode.class, new ObjectSchema());
    }
}

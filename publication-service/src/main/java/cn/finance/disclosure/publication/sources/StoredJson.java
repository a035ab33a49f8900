package cn.finance.disclosure.publication.sources;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of the content kept as text in this package's documents ({@code submissionJson}, {@code classificationJson},
 * {@code snapshotJson}). Configured as the event mapping was when those documents were first written (null members
 * written, unknown members ignored), but a mapping of its own: a change to the events' JSON does not change what is
 * stored or how it reads.
 */
final class StoredJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.ALWAYS))
            .build();

    private StoredJson() {
    }

    static String write(Object value) {
        return value == null ? null : MAPPER.writeValueAsString(value);
    }

    static <T> T read(String json, Class<T> type) {
        return json == null ? null : MAPPER.readValue(json, type);
    }
}

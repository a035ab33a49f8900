package cn.finance.disclosure.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.UUID;

/** The one JSON mapping for events on the wire: ISO instants, tolerant of members added by later producers. */
public final class EventJson {

    public static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.ALWAYS))
            .build();

    private EventJson() {
    }

    /** A new envelope around {@code payload}; the id is what consumers deduplicate on. */
    public static EventEnvelope envelope(String type, String source, String subject, Instant time, Object payload) {
        return new EventEnvelope(EventEnvelope.SPEC_VERSION, UUID.randomUUID().toString(), type, source, subject,
                time, EventEnvelope.JSON, MAPPER.valueToTree(payload));
    }

    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    public static EventEnvelope readEnvelope(String json) {
        return MAPPER.readValue(json, EventEnvelope.class);
    }

    public static <T> T payload(EventEnvelope envelope, Class<T> type) {
        return MAPPER.treeToValue(envelope.data(), type);
    }

    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }
}
